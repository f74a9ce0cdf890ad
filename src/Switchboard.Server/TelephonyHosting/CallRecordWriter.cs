using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Server.Hosting;
using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// Stores the call records (table <c>call_records</c>, with <c>call_record_agents</c> and <c>call_record_transfers</c>) in the background, in batches; taking a record never blocks a
/// call (see <see cref="BackgroundRecordWriter{TItem}"/>). A call's record is written when it starts, as
/// <see cref="CallRecord.InProgress"/>, and completed when it ends, so that a crash leaves a trace of every call it
/// cut; each user's part likewise when they connect (<see cref="CallRecordAgent.InProgress"/>) and when they leave,
/// so that an agent can wrap up their part while the call goes on with someone else. Before its first batch the
/// writer closes what a previous run left in progress as interrupted. A refusal without a start (404, 488...) is
/// written once, at its end. At shutdown, after telephony has hung up its calls, everything taken is written.
/// </summary>
public sealed partial class CallRecordWriter : BackgroundRecordWriter<CallEvent>, ICallObserver
{
    public const int Capacity = 50_000;

    private readonly ILogger<CallRecordWriter> _logger;

    public CallRecordWriter(IDbContextFactory<SwitchboardDbContext> contexts, ILogger<CallRecordWriter> logger)
        : base(contexts, logger, "call records", Capacity, batchSize: 200)
    {
        _logger = logger;
    }

    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is CallStarted or UserConnected or UserLeftCall or CallFinished)
            Append(callEvent);
    }

    // Runs before the first batch, and this writer is the only one of call records: a call started in this run is
    // never among those closed.
    protected override void Starting(SwitchboardDbContext db)
    {
        try
        {
            var closed = db.CallRecords
                .Where(record => record.Result == CallRecord.InProgress)
                .ExecuteUpdate(set => set
                    .SetProperty(record => record.Result, CallRecord.Interrupted)
                    .SetProperty(record => record.Detail, "the server stopped without ending the call"));
            db.Set<CallRecordAgent>()
                .Where(part => part.Ending == CallRecordAgent.InProgress)
                .ExecuteUpdate(set => set.SetProperty(part => part.Ending, CallRecordAgent.Interrupted));
            if (closed > 0)
                LogInterrupted(closed);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            // The records stay in progress until a later start gets to them; calls go on being recorded meanwhile.
            LogInterruptedNotClosed(exception);
        }
    }

    protected override void LoadRows(SwitchboardDbContext db, IReadOnlyList<CallEvent> items)
    {
        var changed = items.Where(item => item is not CallStarted).Select(item => item.CallId).Distinct().ToList();
        if (changed.Count > 0)
            db.CallRecords.Include(record => record.Agents).Where(record => changed.Contains(record.Id)).Load();
    }

    protected override void AddRows(SwitchboardDbContext db, IReadOnlyList<CallEvent> items)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case CallStarted started:
                    db.CallRecords.Add(StartedRecord(started));
                    break;
                // A part of a call whose start was never stored (a full queue dropped it) waits for the call's end.
                case UserConnected connected when Find(db, connected.CallId) is { } connectedTo:
                    AddPart(connectedTo, connected.UserId, connected.QueueId, connected.At, connected.At, CallRecordAgent.InProgress);
                    break;
                case UserLeftCall left when Find(db, left.CallId)?.Agents.LastOrDefault(part => part.UserId == left.UserId && part.Ending == CallRecordAgent.InProgress) is { } part:
                    part.LeftAt = left.At;
                    part.Ending = CamelCase(left.Reason.ToString());
                    break;
                case CallFinished { Summary: var summary }:
                    // Its start was stored before, or is added in this very batch; a refusal has none.
                    if (Find(db, summary.CallId) is { } stored)
                        Complete(stored, summary);
                    else
                        db.CallRecords.Add(Complete(EndedRecord(summary), summary));
                    break;
            }
        }
    }

    private static CallRecord StartedRecord(CallStarted started) => new()
    {
        Id = started.CallId,
        SipCallId = started.SipCallId,
        CallerNumber = started.CallerNumber,
        DialledNumber = started.DialledNumber,
        StartedAt = started.StartedAt,
        EndedAt = started.StartedAt,
        Result = CallRecord.InProgress,
    };

    private static CallRecord EndedRecord(CallSummary summary) => new()
    {
        Id = summary.CallId,
        SipCallId = summary.SipCallId,
        CallerNumber = summary.CallerNumber,
        DialledNumber = summary.DialledNumber,
        StartedAt = summary.StartedAt,
        EndedAt = summary.EndedAt,
        Result = CallRecord.InProgress,
    };

    private static CallRecord Complete(CallRecord record, CallSummary summary)
    {
        record.AnsweredAt = summary.AnsweredAt;
        record.EndedAt = summary.EndedAt;
        record.Result = CamelCase(summary.Result.ToString());
        record.Detail = summary.Detail is { Length: > 0 } detail ? detail : null;
        record.QueueId = summary.QueueId;
        foreach (var agent in summary.Agents)
        {
            // The parts written as they happened are completed (keeping any wrap-up saved meanwhile); any missed, added.
            var ending = CamelCase(agent.Left.ToString());
            if (record.Agents.FirstOrDefault(part => part.UserId == agent.UserId && SameInstant(part.ConnectedAt, agent.ConnectedAt)) is { } part)
            {
                (part.LeftAt, part.Ending) = (agent.LeftAt, ending);
                continue;
            }

            AddPart(record, agent.UserId, agent.QueueId, agent.ConnectedAt, agent.LeftAt, ending);
        }

        record.Transfers.AddRange(summary.Transfers.Select((transfer, position) => new CallRecordTransfer
        {
            Position = position,
            At = transfer.At,
            ByUserId = transfer.ByUserId,
            ToUserId = transfer.ToUserId,
            ToQueueId = transfer.ToQueueId,
            ToNumber = transfer.ToNumber,
        }));
        return record;
    }

    private static void AddPart(CallRecord record, Guid userId, Guid? queueId, DateTimeOffset connectedAt, DateTimeOffset leftAt, string ending) =>
        record.Agents.Add(new CallRecordAgent
        {
            Position = record.Agents.Count,
            UserId = userId,
            QueueId = queueId,
            ConnectedAt = connectedAt,
            LeftAt = leftAt,
            Ending = ending,
        });

    // PostgreSQL keeps microseconds, .NET ticks of 100 ns: a stored time may differ from the call's by less than one.
    private static bool SameInstant(DateTimeOffset stored, DateTimeOffset told) => (stored - told).Duration() < TimeSpan.FromMilliseconds(1);

    private static CallRecord? Find(SwitchboardDbContext db, Guid callId) =>
        db.CallRecords.Local.FirstOrDefault(record => record.Id == callId);

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} calls were still in progress when the server last stopped; their records now read interrupted")]
    private partial void LogInterrupted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The records of calls the last run left in progress could not be closed as interrupted")]
    private partial void LogInterruptedNotClosed(Exception exception);
}
