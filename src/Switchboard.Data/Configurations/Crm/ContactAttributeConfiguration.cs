using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Configurations.Crm;

internal sealed class ContactAttributeConfiguration : IEntityTypeConfiguration<ContactAttribute>
{
    public void Configure(EntityTypeBuilder<ContactAttribute> builder)
    {
        builder.ToTable("contact_attributes");
        builder.HasContactId();
        builder.HasKey(ContactPart.ContactId, nameof(ContactAttribute.Key)).HasName("pk_contact_attributes");
        builder.Property(a => a.Key).HasColumnName("key");
        builder.Property(a => a.Value).HasColumnName("value");
        builder.Property(a => a.ValueKey).HasColumnName("value_key");
        builder.HasIndex(nameof(ContactAttribute.ValueKey), nameof(ContactAttribute.Key), ContactPart.ContactId)
            .HasDatabaseName("ix_contact_attributes_value_key");
    }
}
