using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;

namespace Switchboard.Server.AcdHosting;

/// <summary>Reads the queue event log in its own order, a page at a time after a known sequence.</summary>
public sealed class QueueEventLog(SwitchboardDbContext db)
{
    public const int MaxPage = 1000;

    /// <summary>
    /// The events after <paramref name="afterSequence"/> (of <paramref name="queueId"/> when given), in the order
    /// the ACD published them, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<QueueEventView>> ReadAsync(long afterSequence, Guid? queueId, int limit, CancellationToken cancellationToken)
    {
        var events = db.QueueEvents.AsNoTracking().Where(e => e.Sequence > afterSequence);
        if (queueId is { } queue)
            events = events.Where(e => e.QueueId == queue);
        var rows = await events.OrderBy(e => e.Sequence).Take(Math.Clamp(limit, 1, MaxPage)).ToListAsync(cancellationToken);
        return [.. rows.Select(ViewOf)];
    }

    private static QueueEventView ViewOf(QueueEventRecord row)
    {
        using var detail = JsonDocument.Parse(row.Detail);
        return new QueueEventView(row.Sequence, row.At, row.Kind, row.QueueId, row.CallId, row.AgentId, row.OfferId, detail.RootElement.Clone());
    }
}
