using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Acd;

/// <summary>
/// Appends every ACD event to the queue event log (table <c>queue_events</c>) in the background, in batches; taking an
/// event never blocks the ACD (see <see cref="BackgroundRecordWriter{TItem}"/>).
/// </summary>
public sealed class QueueEventLogWriter(IDbContextFactory<SwitchboardDbContext> contexts, ILogger<QueueEventLogWriter> logger)
    : BackgroundRecordWriter<AcdEvent>(contexts, logger, "queue events", Capacity, batchSize: 500), IAcdEventSink
{
    /// <summary>Minutes of a busy switchboard's events, should the database be slow for a while.</summary>
    public const int Capacity = 100_000;

    public void Publish(AcdEvent acdEvent) => Append(acdEvent);

    protected override void AddRows(SwitchboardDbContext db, IReadOnlyList<AcdEvent> items) =>
        db.QueueEvents.AddRange(items.Select(RecordOf));

    private static QueueEventRecord RecordOf(AcdEvent acdEvent)
    {
        var message = AcdEventMessage.From(acdEvent);
        return new QueueEventRecord
        {
            At = message.At,
            Kind = message.Type,
            QueueId = message.QueueId,
            CallId = message.CallId,
            AgentId = message.AgentId,
            OfferId = message.OfferId,
            Detail = JsonSerializer.Serialize(message.Detail, AcdEventJson.Options),
        };
    }
}
