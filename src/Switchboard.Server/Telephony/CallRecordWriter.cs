using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Server.Hosting;
using Switchboard.Telephony;

namespace Switchboard.Server.Telephony;

/// <summary>
/// Stores a call record for every ended call (table <c>call_records</c>) in the background, in batches; taking a record
/// never blocks a call (see <see cref="BackgroundRecordWriter{TItem}"/>). At shutdown, after telephony has hung up its
/// calls, everything taken is written.
/// </summary>
public sealed class CallRecordWriter(IDbContextFactory<SwitchboardDbContext> contexts, ILogger<CallRecordWriter> logger)
    : BackgroundRecordWriter<CallSummary>(contexts, logger, "call records", Capacity, batchSize: 200), ICallObserver
{
    public const int Capacity = 50_000;

    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is CallEnded ended)
            Append(ended.Summary);
    }

    protected override void AddRows(SwitchboardDbContext db, IReadOnlyList<CallSummary> items) =>
        db.CallRecords.AddRange(items.Select(RecordOf));

    private static CallRecord RecordOf(CallSummary summary) => new()
    {
        Id = summary.CallId,
        SipCallId = summary.SipCallId,
        CallerNumber = summary.CallerNumber,
        DialledNumber = summary.DialledNumber,
        StartedAt = summary.StartedAt,
        AnsweredAt = summary.AnsweredAt,
        EndedAt = summary.EndedAt,
        Result = JsonNamingPolicy.CamelCase.ConvertName(summary.Result.ToString()),
        QueueId = summary.QueueId,
        AgentUserId = summary.AgentUserId,
    };
}
