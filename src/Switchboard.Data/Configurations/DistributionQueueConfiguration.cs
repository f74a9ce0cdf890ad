using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Data.Conversions;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Sounds;
using Switchboard.Domain.Users;

namespace Switchboard.Data.Configurations;

internal sealed class DistributionQueueConfiguration : IEntityTypeConfiguration<DistributionQueue>
{
    public void Configure(EntityTypeBuilder<DistributionQueue> builder)
    {
        builder.ToTable("queues");
        builder.HasKey(q => q.Id).HasName("pk_queues");
        builder.Property(q => q.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(q => q.Name).HasColumnName("name");
        builder.Property(q => q.Strategy).HasColumnName("strategy").HasConversion<string>();
        builder.Property(q => q.Priority).HasColumnName("priority");
        builder.Property(q => q.RingTimeoutSeconds).HasColumnName("ring_timeout_seconds");
        builder.Property(q => q.MaxWaitSeconds).HasColumnName("max_wait_seconds");
        builder.Property(q => q.MaxWaitingCalls).HasColumnName("max_waiting_calls");
        builder.Property(q => q.WrapUpSeconds).HasColumnName("wrap_up_seconds");
        builder.Property(q => q.MaxNoAnswer).HasColumnName("max_no_answer");
        builder.Property(q => q.MusicOnHoldSoundId).HasColumnName("music_on_hold_sound_id");
        // The ordered dispositions are one value: always read, changed and validated as a whole.
        builder.Property(q => q.Dispositions).HasColumnName("dispositions").HasJsonConversion();
        builder.Property(q => q.DispositionRequired).HasColumnName("disposition_required");
        builder.HasIndex(q => q.Name).IsUnique().IgnoringCase().HasDatabaseName("ix_queues_name");
        builder.HasIndex(q => q.MusicOnHoldSoundId).HasDatabaseName("ix_queues_music_on_hold_sound_id");
        builder.HasOne<Sound>()
            .WithMany()
            .HasForeignKey(q => q.MusicOnHoldSoundId)
            .HasConstraintName("fk_queues_music_on_hold_sound_id")
            .OnDelete(DeleteBehavior.Restrict);

        // A table rather than JSON, so that "which queues is this user in" is a query and a user in use
        // cannot be deleted underneath a queue.
        builder.OwnsMany(q => q.Members, member =>
        {
            member.ToTable("queue_members");
            member.WithOwner()
                .HasForeignKey("QueueId")
                .HasConstraintName("fk_queue_members_queue_id");
            member.Property<Guid>("QueueId").HasColumnName("queue_id");
            member.HasKey("QueueId", nameof(QueueMember.UserId)).HasName("pk_queue_members");
            member.Property(m => m.UserId).HasColumnName("user_id");
            member.Property(m => m.Level).HasColumnName("level");
            member.Property(m => m.Position).HasColumnName("position");
            member.HasIndex(m => m.UserId).HasDatabaseName("ix_queue_members_user_id");
            member.HasOne<User>()
                .WithMany()
                .HasForeignKey(m => m.UserId)
                .HasConstraintName("fk_queue_members_user_id")
                .OnDelete(DeleteBehavior.Restrict);
        });
    }
}
