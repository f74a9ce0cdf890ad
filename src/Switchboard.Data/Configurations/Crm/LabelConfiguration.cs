using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Configurations.Crm;

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.ToTable("labels");
        builder.HasKey(l => l.Id).HasName("pk_labels");
        builder.Property(l => l.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(l => l.Name).HasColumnName("name");
        builder.Property(l => l.NameKey).HasColumnName("name_key");
        builder.HasIndex(l => l.NameKey).IsUnique().HasDatabaseName("ix_labels_name_key");
    }
}
