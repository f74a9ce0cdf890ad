using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.TelephonyHosting;
using Switchboard.Telephony;

namespace Switchboard.Server.Tests.TelephonyHosting;

/// <summary>
/// The call record writer stores each user's part of a call as it happens — when they connect and when they leave —
/// so that an agent who transferred a call can wrap it up while it goes on, and a crash leaves who was talking.
/// </summary>
public abstract class CallRecordPartsTests(StorageKind storage) : SwitchboardTest(storage)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Alice = Guid.CreateVersion7();
    private static readonly Guid Bob = Guid.CreateVersion7();
    private static readonly Guid Sales = Guid.CreateVersion7();

    private CallRecordWriter Writer => Factory.Services.GetRequiredService<CallRecordWriter>();

    [Fact]
    public async Task A_part_is_stored_when_the_user_connects_and_completed_when_they_leave_before_the_call_ends()
    {
        var callId = Guid.CreateVersion7(Start);
        Tell(Started(callId), new UserConnected(callId, Alice, Sales, Start.AddSeconds(5)));
        await Writer.FlushAsync(Ct);
        Assert.Equal([(Alice, (Guid?)Sales, CallRecordAgent.InProgress, Start.AddSeconds(5))], Parts(await RecordAsync(callId)));

        Tell(new UserLeftCall(callId, Alice, UserLeftReason.Transferred, Start.AddSeconds(40)), new UserConnected(callId, Bob, null, Start.AddSeconds(48)));
        await Writer.FlushAsync(Ct);

        var record = await RecordAsync(callId);
        Assert.Equal(CallRecord.InProgress, record.Result);
        Assert.Equal([(Alice, (Guid?)Sales, "transferred", Start.AddSeconds(40)), (Bob, null, CallRecordAgent.InProgress, Start.AddSeconds(48))], Parts(record));
    }

    [Fact]
    public async Task The_calls_end_completes_the_parts_written_keeping_a_wrap_up_saved_meanwhile_without_writing_them_twice()
    {
        var callId = Guid.CreateVersion7(Start);
        Tell(Started(callId), new UserConnected(callId, Alice, Sales, Start.AddSeconds(5)),
            new UserLeftCall(callId, Alice, UserLeftReason.Transferred, Start.AddSeconds(40)), new UserConnected(callId, Bob, null, Start.AddSeconds(48)));
        await Writer.FlushAsync(Ct);
        await Factory.WithServicesAsync(services => services.GetRequiredService<SwitchboardDbContext>().Set<CallRecordAgent>()
            .Where(part => part.CallId == callId && part.UserId == Alice)
            .ExecuteUpdateAsync(set => set.SetProperty(part => part.Disposition, "Sale"), Ct));

        // Bob's leaving is told with the end, as a hang-up of the caller's brings both at once.
        Tell(new CallFinished(Summary(callId,
            new CallAgent(Alice, Sales, Start.AddSeconds(5), Start.AddSeconds(40), UserLeftReason.Transferred),
            new CallAgent(Bob, null, Start.AddSeconds(48), Start.AddSeconds(90), UserLeftReason.CallerHungUp))));
        await Writer.FlushAsync(Ct);

        var record = await RecordAsync(callId);
        Assert.Equal("answeredFromQueue", record.Result);
        Assert.Equal([(Alice, (Guid?)Sales, "transferred", Start.AddSeconds(40)), (Bob, null, "callerHungUp", Start.AddSeconds(90))], Parts(record));
        Assert.Equal(["Sale", null], record.Agents.OrderBy(part => part.Position).Select(part => part.Disposition));
    }

    [Fact]
    public async Task A_call_whose_parts_were_never_told_one_by_one_gets_them_from_its_end()
    {
        var callId = Guid.CreateVersion7(Start);
        Tell(Started(callId), new CallFinished(Summary(callId, new CallAgent(Alice, Sales, Start.AddSeconds(5), Start.AddSeconds(40), UserLeftReason.HungUp))));
        await Writer.FlushAsync(Ct);

        Assert.Equal([(Alice, (Guid?)Sales, "hungUp", Start.AddSeconds(40))], Parts(await RecordAsync(callId)));
    }

    [Fact]
    public async Task A_part_going_on_when_the_server_stopped_reads_interrupted_at_the_next_start()
    {
        var callId = Guid.CreateVersion7(Start);
        Tell(Started(callId), new UserConnected(callId, Alice, Sales, Start.AddSeconds(5)));
        await Writer.FlushAsync(Ct);

        // No live call ends at this stop: the events were told by the test, not by telephony.
        await RestartAsync();

        var record = await RecordAsync(callId);
        Assert.Equal(CallRecord.Interrupted, record.Result);
        Assert.Equal([(Alice, (Guid?)Sales, CallRecordAgent.Interrupted, Start.AddSeconds(5))], Parts(record));
    }

    private void Tell(params CallEvent[] events)
    {
        foreach (var callEvent in events)
            Writer.OnCallEvent(callEvent);
    }

    private static CallStarted Started(Guid callId) => new(callId, "+442071234567", "+14155550123", $"{callId:N}@test", Start);

    private static CallSummary Summary(Guid callId, params CallAgent[] agents) => new(
        callId, $"{callId:N}@test", "+14155550123", "+442071234567", Start, Start.AddSeconds(5), agents[^1].LeftAt,
        CallResult.AnsweredFromQueue, "", "", CallerMedia: null, CalleeMedia: null, Sales, agents, []);

    private static List<(Guid UserId, Guid? QueueId, string Ending, DateTimeOffset LeftAt)> Parts(CallRecord record) =>
        [.. record.Agents.OrderBy(part => part.Position).Select(part => (part.UserId, part.QueueId, part.Ending, part.LeftAt))];

    private Task<CallRecord> RecordAsync(Guid callId) =>
        Factory.WithServicesAsync(services => services.GetRequiredService<SwitchboardDbContext>().CallRecords.AsNoTracking()
            .Include(record => record.Agents).SingleAsync(record => record.Id == callId, Ct));
}

public sealed class CallRecordPartsTests_on_sqlite() : CallRecordPartsTests(StorageKind.Sqlite);

public sealed class CallRecordPartsTests_on_postgres() : CallRecordPartsTests(StorageKind.Postgres);
