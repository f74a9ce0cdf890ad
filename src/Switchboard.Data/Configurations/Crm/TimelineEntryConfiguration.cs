using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Crm;

namespace Switchboard.Data.Configurations.Crm;

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("contact_timeline");
        builder.HasKey(e => e.Id).HasName("pk_contact_timeline");
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(e => e.ContactId).HasColumnName("contact_id");
        builder.Property(e => e.Kind).HasColumnName("kind").HasConversion<string>();
        builder.Property(e => e.ReferenceId).HasColumnName("reference_id");
        builder.Property(e => e.At).HasColumnName("at");
        builder.Property(e => e.Summary).HasColumnName("summary");
        // A call is bound to a contact once; binding it again finds the entry that is there.
        builder.HasIndex(e => new { e.ContactId, e.Kind, e.ReferenceId }).IsUnique().HasDatabaseName("ix_contact_timeline_contact_id_kind_reference_id");
        // A call's detail names the contacts it is bound to.
        builder.HasIndex(e => e.ReferenceId).HasDatabaseName("ix_contact_timeline_reference_id");
        builder.HasOne<Contact>()
            .WithMany()
            .HasForeignKey(e => e.ContactId)
            .HasConstraintName("fk_contact_timeline_contact_id")
            .OnDelete(DeleteBehavior.Cascade);
    }
}
