using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Telephony;

namespace Switchboard.Server.Acd;

/// <summary>A queue's live view: who waits (and for how long), and how its members are doing.</summary>
public sealed class LiveQueueBoard(SwitchboardDbContext db, AcdDispatcher dispatcher, ILiveCallDirectory liveCalls)
{
    /// <summary>The queue now, or null when the ACD has no such queue.</summary>
    public async Task<QueueLiveView?> GetAsync(Guid queueId, CancellationToken cancellationToken)
    {
        var snapshot = await dispatcher.GetSnapshotAsync(cancellationToken);
        if (snapshot.Queue(queueId) is not { } queue)
            return null;

        var memberIds = queue.Members.Select(member => member.UserId).ToList();
        var names = await db.Users.AsNoTracking()
            .Where(user => memberIds.Contains(user.Id))
            .ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);

        var calls = queue.WaitingCalls
            .Select(call => new WaitingCallView(
                call.CallId,
                liveCalls.Find(call.CallId)?.CallerNumber,
                call.Priority,
                call.Position,
                (long)call.Waited.TotalSeconds,
                call.EstimatedWait is { } estimate ? (long)Math.Ceiling(estimate.TotalSeconds) : null,
                call.OfferedTo,
                liveCalls.FindVariables(call.CallId)?.Snapshot() ?? []))
            .ToList();
        var agents = queue.Members
            .Select(member =>
            {
                var agent = snapshot.Agent(member.UserId);
                return new QueueAgentView(
                    member.UserId,
                    names.GetValueOrDefault(member.UserId, ""),
                    agent?.Status ?? AgentStatus.NotAvailable,
                    agent?.Activity ?? AgentActivity.Idle,
                    agent?.Reachable ?? false,
                    member.Level,
                    member.Position);
            })
            .ToList();
        return new QueueLiveView(
            queue.QueueId,
            queue.Name,
            queue.Strategy,
            calls,
            agents,
            new QueueCounts(calls.Count, agents.Count, queue.ReadyAgents, queue.AvailableAgents));
    }
}
