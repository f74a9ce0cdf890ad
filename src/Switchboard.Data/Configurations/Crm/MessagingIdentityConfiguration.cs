using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Configurations.Crm;

internal sealed class MessagingIdentityConfiguration : IEntityTypeConfiguration<MessagingIdentity>
{
    public void Configure(EntityTypeBuilder<MessagingIdentity> builder)
    {
        builder.ToTable("contact_messaging_identities");
        builder.HasContactId();
        builder.HasKey(ContactPart.ContactId, nameof(MessagingIdentity.Channel), nameof(MessagingIdentity.Identifier))
            .HasName("pk_contact_messaging_identities");
        builder.Property(m => m.Channel).HasColumnName("channel");
        builder.Property(m => m.Identifier).HasColumnName("identifier");
        builder.HasIndex(nameof(MessagingIdentity.Channel), nameof(MessagingIdentity.Identifier), ContactPart.ContactId)
            .HasDatabaseName("ix_contact_messaging_identities_channel_identifier");
    }
}
