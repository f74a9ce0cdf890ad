using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Configurations.Crm;

internal sealed class ContactEmailConfiguration : IEntityTypeConfiguration<ContactEmail>
{
    public void Configure(EntityTypeBuilder<ContactEmail> builder)
    {
        builder.ToTable("contact_emails");
        builder.HasContactId();
        builder.HasKey(ContactPart.ContactId, nameof(ContactEmail.AddressKey)).HasName("pk_contact_emails");
        builder.Property(e => e.Address).HasColumnName("address");
        builder.Property(e => e.AddressKey).HasColumnName("address_key");
        builder.HasIndex(nameof(ContactEmail.AddressKey), ContactPart.ContactId).HasDatabaseName("ix_contact_emails_address_key");
    }
}
