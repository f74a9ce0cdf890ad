using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Domain.Routing;

namespace Switchboard.Data.Configurations;

internal sealed class InboundNumberConfiguration : IEntityTypeConfiguration<InboundNumber>
{
    public void Configure(EntityTypeBuilder<InboundNumber> builder)
    {
        builder.ToTable("numbers");
        builder.HasKey(n => n.Id).HasName("pk_numbers");
        builder.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(n => n.Number).HasColumnName("number");
        builder.Property(n => n.Label).HasColumnName("label");
        builder.Property(n => n.ScenarioId).HasColumnName("scenario_id");
        builder.HasIndex(n => n.Number).IsUnique().HasDatabaseName("ix_numbers_number");
        builder.HasIndex(n => n.ScenarioId).HasDatabaseName("ix_numbers_scenario_id");
        builder.HasOne<Scenario>()
            .WithMany()
            .HasForeignKey(n => n.ScenarioId)
            .HasConstraintName("fk_numbers_scenario_id")
            .OnDelete(DeleteBehavior.Restrict);
    }
}
