using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Data.Configurations;

internal sealed class SipRegistrationRecordConfiguration : IEntityTypeConfiguration<SipRegistrationRecord>
{
    public void Configure(EntityTypeBuilder<SipRegistrationRecord> builder)
    {
        builder.ToTable("sip_registrations");
        builder.HasKey(r => new { r.User, r.ContactUri }).HasName("pk_sip_registrations");
        builder.Property(r => r.User).HasColumnName("sip_user");
        builder.Property(r => r.ContactUri).HasColumnName("contact_uri");
        builder.Property(r => r.Transport).HasColumnName("transport");
        builder.Property(r => r.SourceAddress).HasColumnName("source_address");
        builder.Property(r => r.SourcePort).HasColumnName("source_port");
        builder.Property(r => r.Expires).HasColumnName("expires");
        builder.Property(r => r.CallId).HasColumnName("call_id");
        builder.Property(r => r.CSeq).HasColumnName("cseq");
        builder.Property(r => r.Q).HasColumnName("q");
    }
}
