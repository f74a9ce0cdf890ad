using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Configurations.Crm;

internal sealed class ContactPhoneConfiguration : IEntityTypeConfiguration<ContactPhone>
{
    public void Configure(EntityTypeBuilder<ContactPhone> builder)
    {
        builder.ToTable("contact_phones");
        builder.HasContactId();
        builder.HasKey(ContactPart.ContactId, nameof(ContactPhone.Number)).HasName("pk_contact_phones");
        builder.Property(p => p.Number).HasColumnName("number");
        builder.Property(p => p.Type).HasColumnName("type").HasConversion<string>();
        builder.Property(p => p.IsPrimary).HasColumnName("is_primary");
        // Identification of a caller: which contacts have this number.
        builder.HasIndex(nameof(ContactPhone.Number), ContactPart.ContactId).HasDatabaseName("ix_contact_phones_number");
    }
}
