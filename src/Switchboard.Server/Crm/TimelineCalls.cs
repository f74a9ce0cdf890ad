using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Crm;

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
        var userIds = records.SelectMany(record => record.Agents.Select(agent => agent.UserId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(user => userIds.Contains(user.Id))
            .ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);
        var queueIds = records.Where(record => record.QueueId is not null).Select(record => record.QueueId!.Value).Distinct().ToList();
        var queues = await db.Queues.AsNoTracking().Where(queue => queueIds.Contains(queue.Id))
            .ToDictionaryAsync(queue => queue.Id, queue => queue.Name, cancellationToken);

        // Keyed as the timeline refers to the call, whatever case its id was written in.
        var views = new Dictionary<string, TimelineCallView>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records)
        {
            var agents = record.Agents
                .OrderBy(agent => agent.Position)
                .Select(agent => new TimelineAgentView(agent.UserId, users.GetValueOrDefault(agent.UserId) ?? "A deleted user", agent.Disposition, agent.Notes))
                .ToList();
            var talked = record.AnsweredAt is { } answered ? (int?)Math.Max(0, (int)(record.EndedAt - answered).TotalSeconds) : null;
            var queueName = record.QueueId is { } queueId ? queues.GetValueOrDefault(queueId) : null;
            views[record.Id.ToString()] = new TimelineCallView("incoming", queueName, talked, agents);
        }

        return views;
    }
}
