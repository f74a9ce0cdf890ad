using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Data.Configurations;

internal sealed class CallRecordAgentConfiguration : IEntityTypeConfiguration<CallRecordAgent>
{
    public void Configure(EntityTypeBuilder<CallRecordAgent> builder)
    {
        builder.ToTable("call_record_agents");
        builder.HasKey(a => new { a.CallId, a.Position }).HasName("pk_call_record_agents");
        builder.Property(a => a.CallId).HasColumnName("call_id");
        builder.Property(a => a.Position).HasColumnName("position").ValueGeneratedNever();
        builder.Property(a => a.UserId).HasColumnName("user_id");
        builder.Property(a => a.QueueId).HasColumnName("queue_id");
        builder.Property(a => a.ConnectedAt).HasColumnName("connected_at");
        builder.Property(a => a.LeftAt).HasColumnName("left_at");
        builder.Property(a => a.Ending).HasColumnName("ending");
        builder.Property(a => a.Disposition).HasColumnName("disposition");
        builder.Property(a => a.Notes).HasColumnName("notes");
        builder.Property(a => a.WrappedUpAt).HasColumnName("wrapped_up_at");

        // The calls of an agent (their recent calls, supervision's filter), newest first.
        builder.HasIndex(a => new { a.UserId, a.CallId }).HasDatabaseName("ix_call_record_agents_user_id_call_id");
    }
}
