using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Server.Events;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Appends every ACD event to the queue event log (table <c>queue_events</c>) in the background, in batches; taking an
/// event never blocks the ACD (see <see cref="BackgroundRecordWriter{TItem}"/>). Each row is numbered in the order the
/// ACD published it (<see cref="QueueEventRecord.Sequence"/>), continuing after the highest number already stored.
/// </summary>
public sealed class QueueEventLogWriter : BackgroundRecordWriter<AcdEvent>, IAcdEventSink
{
    /// <summary>Minutes of a busy switchboard's events, should the database be slow for a while.</summary>
    public const int Capacity = 100_000;

    // Touched only on the writer's own thread, which takes events in the order they were published.
    private long _lastSequence;

    public QueueEventLogWriter(IDbContextFactory<SwitchboardDbContext> contexts, ILogger<QueueEventLogWriter> logger)
        : base(contexts, logger, "queue events", Capacity, batchSize: 500)
    {
    }

    public void Publish(AcdEvent acdEvent) => Append(acdEvent);

    // The ACD is one per deployment, so one writer numbers the log; it continues where the stored log ends.
    protected override void Starting(SwitchboardDbContext db) =>
        _lastSequence = db.QueueEvents.Max(e => (long?)e.Sequence) ?? 0;

    protected override void AddRows(SwitchboardDbContext db, IReadOnlyList<AcdEvent> items) =>
        db.QueueEvents.AddRange(items.Select(RecordOf));

    private QueueEventRecord RecordOf(AcdEvent acdEvent)
    {
        // The row's columns are the facts every event may have; the event's own facts are its detail.
        var message = JsonSerializer.SerializeToNode(AcdEventMessages.From(acdEvent), EventJson.Options)!.AsObject();
        return new QueueEventRecord
        {
            Sequence = ++_lastSequence,
            At = Take(message, "at")!.GetValue<DateTimeOffset>(),
            Kind = Take(message, "type")!.GetValue<string>(),
            QueueId = Take(message, "queueId")?.GetValue<Guid>(),
            CallId = Take(message, "callId")?.GetValue<Guid>(),
            AgentId = Take(message, "agentId")?.GetValue<Guid>(),
            OfferId = Take(message, "offerId")?.GetValue<long>(),
            Detail = message.ToJsonString(EventJson.Options),
        };
    }

    private static JsonNode? Take(JsonObject message, string name) =>
        message.Remove(name, out var value) ? value : null;
}
