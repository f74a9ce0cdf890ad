using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Users;

namespace Switchboard.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id).HasName("pk_users");
        builder.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(u => u.Username).HasColumnName("username");
        builder.Property(u => u.DisplayName).HasColumnName("display_name");
        builder.Property(u => u.Role).HasColumnName("role").HasConversion<string>();
        builder.Property(u => u.PasswordHash).HasColumnName("password_hash");
        builder.Property(u => u.CrmAccess).HasColumnName("crm_access");
        builder.Property(u => u.WebphoneEnabled).HasColumnName("webphone_enabled");
        builder.Property(u => u.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(u => u.Username).IsUnique().IgnoringCase().HasDatabaseName("ix_users_username");

        // The device's columns live in the users row; all null when the user has no SIP device.
        builder.OwnsOne(u => u.SipDevice, device =>
        {
            device.Property(d => d.Username).HasColumnName("sip_username");
            device.Property(d => d.Ha1Md5).HasColumnName("sip_ha1_md5");
            device.Property(d => d.Ha1Sha256).HasColumnName("sip_ha1_sha256");
            // SQLite and PostgreSQL both let any number of rows hold null here.
            device.HasIndex(d => d.Username).IsUnique().IgnoringCase().HasDatabaseName("ix_users_sip_username");
        });
    }
}
