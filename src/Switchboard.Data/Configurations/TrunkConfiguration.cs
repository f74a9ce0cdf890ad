using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Data.Conversions;
using Switchboard.Domain.Trunks;

namespace Switchboard.Data.Configurations;

internal sealed class TrunkConfiguration : IEntityTypeConfiguration<Trunk>
{
    public void Configure(EntityTypeBuilder<Trunk> builder)
    {
        builder.ToTable("trunks");
        builder.HasKey(t => t.Id).HasName("pk_trunks");
        builder.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(t => t.Name).HasColumnName("name");
        builder.Property(t => t.InboundAddresses).HasColumnName("inbound_addresses").HasJsonConversion();
        builder.Property(t => t.OutboundHost).HasColumnName("outbound_host");
        builder.Property(t => t.Registration).HasColumnName("registration").HasJsonConversion();
        builder.HasIndex(t => t.Name).IsUnique().IgnoringCase().HasDatabaseName("ix_trunks_name");
    }
}
