using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Users;

namespace Switchboard.Data.Configurations.Crm;

/// <summary>
/// A contact and the rows that belong to it. Each list is a table of its own with the contact id first in its key,
/// plus an index on what identification and search look up (number, channel and identifier, e-mail, attribute
/// value, name word), so every lookup is an index seek, never a scan.
/// </summary>
internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.HasKey(c => c.Id).HasName("pk_contacts");
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.Name).HasColumnName("name");
        builder.Property(c => c.SortKey).HasColumnName("sort_key");
        builder.Property(c => c.TimeZone).HasColumnName("time_zone");
        builder.Property(c => c.OwnerId).HasColumnName("owner_id");
        builder.Property(c => c.Description).HasColumnName("description");
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        // The id breaks ties so that paging through equal names is stable, straight off the index.
        builder.HasIndex(c => new { c.SortKey, c.Id }).HasDatabaseName("ix_contacts_sort_key_id");
        builder.HasIndex(c => c.OwnerId).HasDatabaseName("ix_contacts_owner_id");
        // A contact outlives the user who owned it.
        builder.HasOne<User>()
            .WithMany()
            .HasForeignKey(c => c.OwnerId)
            .HasConstraintName("fk_contacts_owner_id")
            .OnDelete(DeleteBehavior.SetNull);

        builder.HasMany(c => c.Phones).WithOne().HasForeignKey(ContactPart.ContactId).HasConstraintName("fk_contact_phones_contact_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.MessagingIdentities).WithOne().HasForeignKey(ContactPart.ContactId).HasConstraintName("fk_contact_messaging_identities_contact_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Emails).WithOne().HasForeignKey(ContactPart.ContactId).HasConstraintName("fk_contact_emails_contact_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Attributes).WithOne().HasForeignKey(ContactPart.ContactId).HasConstraintName("fk_contact_attributes_contact_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Labels).WithOne().HasForeignKey(ContactPart.ContactId).HasConstraintName("fk_contact_labels_contact_id").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.NameWords).WithOne().HasForeignKey(ContactPart.ContactId).HasConstraintName("fk_contact_name_words_contact_id").OnDelete(DeleteBehavior.Cascade);
    }
}
