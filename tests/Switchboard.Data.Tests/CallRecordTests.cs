using Microsoft.EntityFrameworkCore;

namespace Switchboard.Data.Tests;

/// <summary>A call record keeps every agent who talked to the caller and every transfer, in order.</summary>
public class CallRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_transferred_calls_agents_and_transfers_read_back_in_order(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var (alice, bob, sales) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var record = Record(At, alice, bob);
        record.Transfers.Add(new CallRecordTransfer { Position = 1, At = At.AddSeconds(50), ByUserId = bob, ToQueueId = sales });
        record.Transfers.Add(new CallRecordTransfer { Position = 2, At = At.AddSeconds(55), ByUserId = bob, ToNumber = "sip:+12025550199@carrier.example" });
        await using (var context = storage.CreateContext())
        {
            context.CallRecords.Add(record);
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        var stored = await reader.CallRecords.AsNoTracking().Include(r => r.Agents).Include(r => r.Transfers).SingleAsync();
        Assert.Equal(
            [(0, alice, At.AddSeconds(5), At.AddSeconds(30), "transferred"), (1, bob, At.AddSeconds(35), At.AddSeconds(50), "transferred")],
            stored.Agents.OrderBy(a => a.Position).Select(a => (a.Position, a.UserId, a.ConnectedAt, a.LeftAt, a.Ending)));
        Assert.Equal(
            [(At.AddSeconds(30), alice, (Guid?)bob, (Guid?)null, (string?)null), (At.AddSeconds(50), bob, null, sales, null),
             (At.AddSeconds(55), bob, null, null, "sip:+12025550199@carrier.example")],
            stored.Transfers.OrderBy(t => t.Position).Select(t => (t.At, t.ByUserId, t.ToUserId, t.ToQueueId, t.ToNumber)));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_calls_of_an_agent_include_those_they_transferred_and_those_transferred_to_them(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var (alice, bob, carol) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (aliceToBob, bobAlone, carolToAlice) = (Record(At, alice, bob), Record(At.AddMinutes(1), bob), Record(At.AddMinutes(2), carol, alice));
        await using (var context = storage.CreateContext())
        {
            context.CallRecords.AddRange(aliceToBob, bobAlone, carolToAlice);
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        var alicesCalls = await reader.CallRecords.Where(r => r.Agents.Any(a => a.UserId == alice)).Select(r => r.Id).ToListAsync();
        Assert.Equal(new HashSet<Guid> { aliceToBob.Id, carolToAlice.Id }, alicesCalls.ToHashSet());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_record_completed_after_its_start_was_stored_gains_its_agents(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var alice = Guid.CreateVersion7();
        var started = Record(At);
        await using (var context = storage.CreateContext())
        {
            context.CallRecords.Add(started);
            await context.SaveChangesAsync();
        }

        // As the call record writer completes it: the stored start, loaded without its (empty) lists, gains them.
        await using (var context = storage.CreateContext())
        {
            var loaded = await context.CallRecords.SingleAsync();
            loaded.Agents.Add(new CallRecordAgent { Position = 0, UserId = alice, ConnectedAt = At.AddSeconds(5), LeftAt = At.AddSeconds(30), Ending = "callerHungUp" });
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        Assert.Equal(alice, Assert.Single((await reader.CallRecords.Include(r => r.Agents).SingleAsync()).Agents).UserId);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_wrap_up_saved_on_an_agents_part_reads_back_with_the_rest_untouched(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var (alice, bob) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var record = Record(At, alice, bob);
        await using (var context = storage.CreateContext())
        {
            context.CallRecords.Add(record);
            await context.SaveChangesAsync();
        }

        // As the wrap-up service saves it: the part read without tracking, attached and changed.
        await using (var context = storage.CreateContext())
        {
            var part = (await context.CallRecords.AsNoTracking().Include(r => r.Agents).SingleAsync()).Agents.Single(a => a.UserId == bob);
            context.Attach(part);
            part.Disposition = "Callback requested";
            part.Notes = "Call back on Monday,\nafter 10.";
            part.WrappedUpAt = At.AddMinutes(2);
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        var stored = await reader.CallRecords.AsNoTracking().Include(r => r.Agents).SingleAsync();
        Assert.Equal(
            [(alice, (string?)null, (string?)null, (DateTimeOffset?)null, "transferred"),
             (bob, "Callback requested", "Call back on Monday,\nafter 10.", At.AddMinutes(2), "transferred")],
            stored.Agents.OrderBy(a => a.Position).Select(a => (a.UserId, a.Disposition, a.Notes, a.WrappedUpAt, a.Ending)));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_queues_dispositions_read_back_in_their_order_and_a_change_inside_the_list_is_saved(StorageProvider provider)
    {
        await using var storage = await MigratedAsync(provider);
        var queue = new Switchboard.Domain.Acd.DistributionQueue { Name = "Sales", Dispositions = ["Sale", "Callback requested"], DispositionRequired = true };
        await using (var context = storage.CreateContext())
        {
            context.Queues.Add(queue);
            await context.SaveChangesAsync();
        }

        await using (var context = storage.CreateContext())
        {
            var loaded = await context.Queues.SingleAsync();
            loaded.Dispositions.Insert(0, "No interest");
            await context.SaveChangesAsync();
        }

        await using var reader = storage.CreateContext();
        var stored = await reader.Queues.AsNoTracking().SingleAsync();
        Assert.Equal(["No interest", "Sale", "Callback requested"], stored.Dispositions);
        Assert.True(stored.DispositionRequired);
    }

    /// <summary>A call the <paramref name="agents"/> talked on in turn, 5 s after the one before left, each transferring it to the next.</summary>
    private static CallRecord Record(DateTimeOffset startedAt, params Guid[] agents)
    {
        var record = new CallRecord
        {
            Id = Guid.CreateVersion7(startedAt),
            SipCallId = $"{Guid.NewGuid():N}@test",
            CallerNumber = "+14155550123",
            DialledNumber = "+12025550100",
            StartedAt = startedAt,
            AnsweredAt = agents.Length > 0 ? startedAt.AddSeconds(5) : null,
            EndedAt = startedAt.AddMinutes(1),
            Result = agents.Length > 0 ? "answeredFromQueue" : "callerHungUp",
        };
        for (var position = 0; position < agents.Length; position++)
        {
            record.Agents.Add(new CallRecordAgent
            {
                Position = position,
                UserId = agents[position],
                ConnectedAt = startedAt.AddSeconds(5 + 30 * position),
                LeftAt = startedAt.AddSeconds(30 + 20 * position),
                Ending = "transferred",
            });
            if (position > 0)
                record.Transfers.Add(new CallRecordTransfer { Position = position - 1, At = startedAt.AddSeconds(30 + 20 * (position - 1)), ByUserId = agents[position - 1], ToUserId = agents[position] });
        }

        return record;
    }

    private static async Task<TestStorage> MigratedAsync(StorageProvider provider)
    {
        var storage = await TestStorage.CreateAsync(provider);
        await storage.Migrator.MigrateAsync(CancellationToken.None);
        return storage;
    }
}
