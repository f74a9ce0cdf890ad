using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Configurations.Crm;

internal sealed class ContactNameWordConfiguration : IEntityTypeConfiguration<ContactNameWord>
{
    public void Configure(EntityTypeBuilder<ContactNameWord> builder)
    {
        builder.ToTable("contact_name_words");
        builder.HasContactId();
        builder.HasKey(ContactPart.ContactId, nameof(ContactNameWord.Word)).HasName("pk_contact_name_words");
        builder.Property(w => w.Word).HasColumnName("word");
        // Prefix search is a range over this index; see the migration for why the column sorts bytewise.
        builder.HasIndex(nameof(ContactNameWord.Word), ContactPart.ContactId).HasDatabaseName("ix_contact_name_words_word");
    }
}
