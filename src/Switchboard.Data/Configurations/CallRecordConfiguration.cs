using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Data.Configurations;

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> builder)
    {
        builder.ToTable("call_records");
        builder.HasKey(c => c.Id).HasName("pk_call_records");
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.SipCallId).HasColumnName("sip_call_id");
        builder.Property(c => c.CallerNumber).HasColumnName("caller_number");
        builder.Property(c => c.DialledNumber).HasColumnName("dialled_number");
        builder.Property(c => c.StartedAt).HasColumnName("started_at");
        builder.Property(c => c.AnsweredAt).HasColumnName("answered_at");
        builder.Property(c => c.EndedAt).HasColumnName("ended_at");
        builder.Property(c => c.Result).HasColumnName("result");
        builder.Property(c => c.QueueId).HasColumnName("queue_id");
        builder.Property(c => c.Detail).HasColumnName("detail");

        // History is read by time, and a caller's calls by their number (the CRM timeline).
        builder.HasIndex(c => c.StartedAt).HasDatabaseName("ix_call_records_started_at");
        builder.HasIndex(c => new { c.CallerNumber, c.StartedAt }).HasDatabaseName("ix_call_records_caller_number_started_at");
        // The calls a crash left in progress, closed as interrupted at start-up without reading the whole history.
        builder.HasIndex(c => c.Id).HasDatabaseName("ix_call_records_in_progress").HasFilter("result = 'inProgress'");
        builder.HasMany(c => c.Agents).WithOne().HasForeignKey(a => a.CallId).HasConstraintName("fk_call_record_agents_call_records");
        builder.HasMany(c => c.Transfers).WithOne().HasForeignKey(t => t.CallId).HasConstraintName("fk_call_record_transfers_call_records");
    }
}
