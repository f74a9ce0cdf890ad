using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Switchboard.Data.Conversions;
using Switchboard.Domain.Routing;

namespace Switchboard.Data.Configurations;

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.ToTable("scenarios");
        builder.HasKey(s => s.Id).HasName("pk_scenarios");
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.Name).HasColumnName("name");
        // The ordered actions are one value: always read, changed and validated as a whole.
        builder.Property(s => s.Actions).HasColumnName("actions").HasJsonConversion();
        builder.HasIndex(s => s.Name).IsUnique().IgnoringCase().HasDatabaseName("ix_scenarios_name");
    }
}
