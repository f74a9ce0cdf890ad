using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Sounds;
using Switchboard.Domain.Users;

namespace Switchboard.Data.Tests;

public class SwitchboardDbContextTests
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Every_configuration_entity_reads_back_as_it_was_saved(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();

        await sample.SaveAsync(storage);

        await using var context = storage.CreateContext();
        Assert.Equivalent(sample.Greeting, await context.Sounds.SingleAsync(), strict: true);
        Assert.Equivalent(sample.Agent, await context.Users.SingleAsync(u => u.Id == sample.Agent.Id), strict: true);
        Assert.Equivalent(sample.Supervisor, await context.Users.SingleAsync(u => u.Id == sample.Supervisor.Id), strict: true);
        Assert.Null((await context.Users.SingleAsync(u => u.Id == sample.Supervisor.Id)).SipDevice);
        Assert.Equivalent(sample.Queue, await context.Queues.SingleAsync(), strict: true);
        Assert.Equivalent(sample.Number, await context.Numbers.SingleAsync(), strict: true);
        Assert.Equivalent(sample.Carrier, await context.Trunks.SingleAsync(t => t.Name == "Carrier"), strict: true);
        Assert.Equivalent(sample.InboundOnlyTrunk, await context.Trunks.SingleAsync(t => t.Name == "Office PBX"), strict: true);
        Assert.Equivalent(sample.Key, await context.DataProtectionKeys.SingleAsync(), strict: true);

        var scenario = await context.Scenarios.SingleAsync();
        Assert.Equal(sample.Scenario.Actions.Select(a => a.GetType()), scenario.Actions.Select(a => a.GetType()));
        Assert.Equivalent(sample.Scenario.Actions, scenario.Actions, strict: true);
    }

    [Fact]
    public void The_sample_scenario_uses_every_kind_of_action_condition_and_outcome()
    {
        var actions = new ConfigurationSample().Scenario.Actions;
        var conditions = actions.OfType<ConditionAction>().ToList();

        Assert.Equal(DerivedTypes<ScenarioAction>(), actions.Select(a => a.GetType()).ToHashSet());
        Assert.Equal(DerivedTypes<ScenarioCondition>(), conditions.Select(c => c.When.GetType()).ToHashSet());
        Assert.Equal(DerivedTypes<ConditionOutcome>(), conditions.Select(c => c.Then.GetType()).ToHashSet());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task An_action_replaced_inside_a_saved_scenario_is_saved(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);

        await using (var context = storage.CreateContext())
        {
            var scenario = await context.Scenarios.SingleAsync();
            scenario.Actions[0] = new PlaySoundAction(sample.Greeting.Id, Repeat: 5);
            scenario.Actions.RemoveAt(scenario.Actions.Count - 1);
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        var saved = await reader.Scenarios.SingleAsync();
        Assert.Equal(new PlaySoundAction(sample.Greeting.Id, Repeat: 5), saved.Actions[0]);
        Assert.Equal(sample.Scenario.Actions.Count - 1, saved.Actions.Count);
        Assert.IsType<ForwardAction>(saved.Actions[^1]);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Changed_queue_members_are_saved(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);
        var newcomer = NewUser("dave");
        await using (var context = storage.CreateContext())
        {
            context.Users.Add(newcomer);
            await context.SaveChangesAsync();
        }

        await using (var context = storage.CreateContext())
        {
            var queue = await context.Queues.SingleAsync();
            queue.Members = [new QueueMember(sample.Agent.Id, 3, 0), new QueueMember(newcomer.Id, 1, 1)];
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        var saved = await reader.Queues.SingleAsync();
        Assert.Equal(
            [new QueueMember(newcomer.Id, 1, 1), new QueueMember(sample.Agent.Id, 3, 0)],
            saved.Members.OrderBy(m => m.Level));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_queues_a_user_belongs_to_are_found_by_query(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);
        await using (var context = storage.CreateContext())
        {
            context.Queues.Add(new DistributionQueue { Name = "Billing", Members = [new QueueMember(sample.Supervisor.Id, 1, 0)] });
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        var queueNames = await reader.Queues
            .Where(q => q.Members.Any(m => m.UserId == sample.Supervisor.Id))
            .Select(q => q.Name)
            .OrderBy(name => name)
            .ToListAsync();

        Assert.Equal(["Billing", "Sales"], queueNames);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_removed_sip_device_frees_its_username_for_another_user(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);

        await using (var context = storage.CreateContext())
        {
            var agent = await context.Users.SingleAsync(u => u.Id == sample.Agent.Id);
            agent.SipDevice = null;
            var other = NewUser("erin");
            other.SipDevice = sample.Agent.SipDevice;
            context.Users.Add(other);
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        Assert.Null((await reader.Users.SingleAsync(u => u.Id == sample.Agent.Id)).SipDevice);
        Assert.Equal(sample.Agent.SipDevice, (await reader.Users.SingleAsync(u => u.Username == "erin")).SipDevice);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_duplicate_number_is_rejected_by_the_database(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);

        await using var context = storage.CreateContext();
        context.Numbers.Add(new InboundNumber { Number = sample.Number.Number, ScenarioId = sample.Scenario.Id });

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_sip_username_already_taken_is_rejected_by_the_database(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);

        await using var context = storage.CreateContext();
        var other = NewUser("frank");
        other.SipDevice = sample.Agent.SipDevice! with { Ha1Md5 = "other" };
        context.Users.Add(other);

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_taken_username_is_rejected_by_the_database(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);

        await using var context = storage.CreateContext();
        context.Users.Add(NewUser(sample.Agent.Username));

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_scenario_that_a_number_runs_cannot_be_deleted(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);

        await using var context = storage.CreateContext();
        context.Scenarios.Remove(await context.Scenarios.SingleAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_user_who_is_a_queue_member_cannot_be_deleted(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);

        await using var context = storage.CreateContext();
        context.Users.Remove(await context.Users.SingleAsync(u => u.Id == sample.Agent.Id));

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Deleting_a_queue_removes_its_members(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var sample = new ConfigurationSample();
        await sample.SaveAsync(storage);

        await using (var context = storage.CreateContext())
        {
            context.Queues.Remove(await context.Queues.SingleAsync());
            await context.SaveChangesAsync();
        }

        Assert.Equal(["0"], await storage.QueryAsync("SELECT COUNT(*) FROM queue_members"));
        await using var reader = storage.CreateContext();
        Assert.Equal(2, await reader.Users.CountAsync());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_creation_time_with_an_offset_reads_back_as_the_same_instant(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var createdAt = new DateTimeOffset(2026, 7, 14, 11, 0, 0, TimeSpan.FromHours(2));

        await using (var context = storage.CreateContext())
        {
            context.Sounds.Add(new Sound { Name = "Hold music", FileName = "hold.wav", CreatedAt = createdAt });
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        var saved = await reader.Sounds.SingleAsync();
        Assert.Equal(createdAt.UtcDateTime, saved.CreatedAt.UtcDateTime);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Queue_events_read_back_as_saved_and_by_queue_in_time_order(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var queueId = Guid.CreateVersion7();
        var agentId = Guid.CreateVersion7();
        var callId = Guid.CreateVersion7();
        var entered = new QueueEventRecord
        {
            Sequence = 1,
            At = new DateTimeOffset(2026, 7, 14, 11, 0, 0, TimeSpan.FromHours(2)),
            Kind = "callEnteredQueue",
            QueueId = queueId,
            CallId = callId,
            Detail = """{"priority":0,"position":1}""",
        };
        var offered = new QueueEventRecord
        {
            Sequence = 3,
            At = entered.At.AddSeconds(2),
            Kind = "callOffered",
            QueueId = queueId,
            CallId = callId,
            AgentId = agentId,
            OfferId = 1L << 40,
            Detail = "{}",
        };
        var statusChanged = new QueueEventRecord { Sequence = 2, At = entered.At.AddSeconds(1), Kind = "agentStatusChanged", AgentId = agentId, Detail = """{"status":"ready"}""" };

        await using (var context = storage.CreateContext())
        {
            context.QueueEvents.AddRange(offered, statusChanged, entered);
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        // Ordered here: Entity Framework's SQLite provider does not translate ordering by DateTimeOffset.
        var ofQueue = (await reader.QueueEvents.Where(e => e.QueueId == queueId).ToListAsync()).OrderBy(e => e.At).ToList();
        Assert.Equal(["callEnteredQueue", "callOffered"], ofQueue.Select(e => e.Kind));
        Assert.Equal(entered.At.UtcDateTime, ofQueue[0].At.UtcDateTime);
        Assert.Equivalent(offered, ofQueue[1], strict: true);
        var ofAgent = (await reader.QueueEvents.Where(e => e.AgentId == agentId).ToListAsync()).OrderBy(e => e.At).ToList();
        Assert.Equal(["agentStatusChanged", "callOffered"], ofAgent.Select(e => e.Kind));
        Assert.Null(ofAgent[0].QueueId);
        Assert.Null(ofAgent[0].OfferId);
    }

    private static async Task<TestStorage> MigratedAsync(StorageProvider provider)
    {
        var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateAsync(CancellationToken.None);
        return storage;
    }

    private static User NewUser(string username) => new()
    {
        Username = username,
        DisplayName = username,
        PasswordHash = "hash",
        CreatedAt = ConfigurationSample.CreatedAt,
    };

    private static HashSet<Type> DerivedTypes<T>() =>
        typeof(T).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
}
