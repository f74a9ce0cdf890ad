using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Crm;
using Switchboard.Server.Calls;

namespace Switchboard.Server.Crm;

/// <summary>
/// The call records behind a contact's timeline entries. A timeline refers to its calls by id only (their records are
/// written by telephony on their own), so a call without a record (not written yet, or kept elsewhere) has none.
/// </summary>
public static class TimelineCalls
{
    public static async Task<IReadOnlyDictionary<string, TimelineCallView>> ReadAsync(
        SwitchboardDbContext db,
        IEnumerable<TimelineEntry> entries,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var callIds = entries
            .Where(entry => entry.Kind == TimelineEntryKind.Call)
            .Select(entry => Guid.TryParse(entry.ReferenceId, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToList();
        if (callIds.Count == 0)
            return new Dictionary<string, TimelineCallView>();

        var records = await db.CallRecords.AsNoTracking().Include(record => record.Agents)
            .Where(record => callIds.Contains(record.Id))
            .ToListAsync(cancellationToken);
        var names = await CallNames.ReadAsync(
            db,
            records.SelectMany(record => record.Agents.Select(agent => agent.UserId)),
            records.Select(record => record.QueueId).OfType<Guid>(),
            cancellationToken);

        // Keyed as the timeline refers to the call, whatever case its id was written in.
        var views = new Dictionary<string, TimelineCallView>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records)
        {
            var agents = record.Agents
                .OrderBy(agent => agent.Position)
                .Select(agent => new TimelineAgentView(agent.UserId, names.User(agent.UserId), agent.Disposition, agent.Notes))
                .ToList();
            var talked = record.AnsweredAt is { } answered ? (int?)Math.Max(0, (int)(record.EndedAt - answered).TotalSeconds) : null;
            views[record.Id.ToString()] = new TimelineCallView("incoming", names.Queue(record.QueueId), talked, agents);
        }

        return views;
    }
}
