using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Data.Configurations;

internal sealed class EndedSessionRecordConfiguration : IEntityTypeConfiguration<EndedSessionRecord>
{
    public void Configure(EntityTypeBuilder<EndedSessionRecord> builder)
    {
        builder.ToTable("ended_sessions");
        builder.HasKey(s => s.SessionId).HasName("pk_ended_sessions");
        builder.Property(s => s.SessionId).HasColumnName("session_id").ValueGeneratedNever();
        builder.Property(s => s.Until).HasColumnName("until");
    }
}
