using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Sounds;

namespace Switchboard.Data.Configurations;

internal sealed class SoundConfiguration : IEntityTypeConfiguration<Sound>
{
    public void Configure(EntityTypeBuilder<Sound> builder)
    {
        builder.ToTable("sounds");
        builder.HasKey(s => s.Id).HasName("pk_sounds");
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.Name).HasColumnName("name");
        builder.Property(s => s.FileName).HasColumnName("file_name");
        builder.Property(s => s.DurationMilliseconds).HasColumnName("duration_milliseconds");
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(s => s.Name).IsUnique().IgnoringCase().HasDatabaseName("ix_sounds_name");
    }
}
