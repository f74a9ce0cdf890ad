using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Data.Configurations;

internal sealed class QueueEventRecordConfiguration : IEntityTypeConfiguration<QueueEventRecord>
{
    public void Configure(EntityTypeBuilder<QueueEventRecord> builder)
    {
        builder.ToTable("queue_events");
        builder.HasKey(e => e.Id).HasName("pk_queue_events");
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
        builder.Property(e => e.At).HasColumnName("at");
        builder.Property(e => e.Kind).HasColumnName("kind");
        builder.Property(e => e.QueueId).HasColumnName("queue_id");
        builder.Property(e => e.CallId).HasColumnName("call_id");
        builder.Property(e => e.AgentId).HasColumnName("agent_id");
        builder.Property(e => e.OfferId).HasColumnName("offer_id");
        builder.Property(e => e.Detail).HasColumnName("detail");

        // A queue's history and an agent's history are read over a time range; a call's detail reads its own lines.
        builder.HasIndex(e => new { e.QueueId, e.At }).HasDatabaseName("ix_queue_events_queue_id_at");
        builder.HasIndex(e => new { e.AgentId, e.At }).HasDatabaseName("ix_queue_events_agent_id_at");
        builder.HasIndex(e => new { e.CallId, e.Sequence }).HasDatabaseName("ix_queue_events_call_id_sequence");
        builder.HasIndex(e => e.Sequence).IsUnique().HasDatabaseName("ix_queue_events_sequence");
    }
}
