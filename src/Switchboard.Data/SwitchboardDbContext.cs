using Microsoft.EntityFrameworkCore;
using Switchboard.Data.Conversions;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Crm;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Sounds;
using Switchboard.Domain.Trunks;
using Switchboard.Domain.Users;

namespace Switchboard.Data;

/// <summary>The switchboard's configuration, on SQLite or PostgreSQL. The schema comes from the migration scripts.</summary>
public sealed class SwitchboardDbContext(DbContextOptions<SwitchboardDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Sound> Sounds => Set<Sound>();

    public DbSet<DistributionQueue> Queues => Set<DistributionQueue>();

    public DbSet<Scenario> Scenarios => Set<Scenario>();

    public DbSet<InboundNumber> Numbers => Set<InboundNumber>();

    public DbSet<Trunk> Trunks => Set<Trunk>();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    public DbSet<QueueEventRecord> QueueEvents => Set<QueueEventRecord>();

    public DbSet<EndedSessionRecord> EndedSessions => Set<EndedSessionRecord>();

    public DbSet<CallRecord> CallRecords => Set<CallRecord>();

    public DbSet<SipRegistrationRecord> SipRegistrations => Set<SipRegistrationRecord>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Label> Labels => Set<Label>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SwitchboardDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
}
