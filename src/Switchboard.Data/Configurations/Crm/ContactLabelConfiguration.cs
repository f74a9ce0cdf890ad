using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Configurations.Crm;

internal sealed class ContactLabelConfiguration : IEntityTypeConfiguration<ContactLabel>
{
    public void Configure(EntityTypeBuilder<ContactLabel> builder)
    {
        builder.ToTable("contact_labels");
        builder.HasContactId();
        builder.HasKey(ContactPart.ContactId, nameof(ContactLabel.LabelId)).HasName("pk_contact_labels");
        builder.Property(l => l.LabelId).HasColumnName("label_id");
        builder.HasIndex(nameof(ContactLabel.LabelId), ContactPart.ContactId).HasDatabaseName("ix_contact_labels_label_id");
        builder.HasOne<Label>()
            .WithMany()
            .HasForeignKey(l => l.LabelId)
            .HasConstraintName("fk_contact_labels_label_id")
            .OnDelete(DeleteBehavior.Cascade);
    }
}
