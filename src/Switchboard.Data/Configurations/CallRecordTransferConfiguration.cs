using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Data.Configurations;

internal sealed class CallRecordTransferConfiguration : IEntityTypeConfiguration<CallRecordTransfer>
{
    public void Configure(EntityTypeBuilder<CallRecordTransfer> builder)
    {
        builder.ToTable("call_record_transfers");
        builder.HasKey(t => new { t.CallId, t.Position }).HasName("pk_call_record_transfers");
        builder.Property(t => t.CallId).HasColumnName("call_id");
        builder.Property(t => t.Position).HasColumnName("position").ValueGeneratedNever();
        builder.Property(t => t.At).HasColumnName("at");
        builder.Property(t => t.ByUserId).HasColumnName("by_user_id");
        builder.Property(t => t.ToUserId).HasColumnName("to_user_id");
        builder.Property(t => t.ToQueueId).HasColumnName("to_queue_id");
        builder.Property(t => t.ToNumber).HasColumnName("to_number");
    }
}
