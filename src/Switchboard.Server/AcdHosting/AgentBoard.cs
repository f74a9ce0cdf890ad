using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Users;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Agents' live state for the workspace and supervision, and their status choice. Any user may take calls (as a
/// queue member), so every user is listed; one the ACD has not met yet is Not available, idle and unreachable.
/// </summary>
public sealed class AgentBoard(SwitchboardDbContext db, AcdDispatcher dispatcher, AgentStatusClock statusClock)
{
    /// <summary>The agent's live state, or null when no such user exists.</summary>
    public async Task<AgentView?> FindAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(user => user.Id == agentId, cancellationToken);
        if (user is null)
            return null;

        var snapshot = await dispatcher.GetSnapshotAsync(cancellationToken);
        return ViewOf(user, snapshot);
    }

    /// <summary>Every user's live state, by name.</summary>
    public async Task<IReadOnlyList<AgentView>> ListAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var snapshot = await dispatcher.GetSnapshotAsync(cancellationToken);
        return [.. users
            .OrderBy(user => user.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(user => user.Username, StringComparer.Ordinal)
            .Select(user => ViewOf(user, snapshot))];
    }

    /// <summary>Tells the ACD the agent's chosen status; false when no such user exists.</summary>
    public async Task<bool> SetStatusAsync(Guid agentId, AgentStatus status, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(user => user.Id == agentId, cancellationToken))
            return false;

        if (!dispatcher.Post(new SetAgentStatus(agentId, status)))
            throw new InvalidOperationException("The ACD has stopped.");
        return true;
    }

    private AgentView ViewOf(User user, AcdSnapshot snapshot)
    {
        var agent = snapshot.Agent(user.Id);
        var since = statusClock.StatusSince(user.Id);
        var activity = agent?.Activity ?? AgentActivity.Idle;
        long? wrapUpRemaining = activity == AgentActivity.WrapUp && agent?.PausedUntil is { } until
            ? (long)Math.Ceiling(Math.Max(0, (until - snapshot.At).TotalSeconds))
            : null;
        return new AgentView(
            user.Id,
            user.Username,
            user.DisplayName,
            agent?.Status ?? AgentStatus.NotAvailable,
            since,
            (long)Math.Max(0, (snapshot.At - since).TotalSeconds),
            activity,
            wrapUpRemaining,
            agent?.Reachable ?? false,
            agent?.CallId,
            agent?.QueueId);
    }
}
