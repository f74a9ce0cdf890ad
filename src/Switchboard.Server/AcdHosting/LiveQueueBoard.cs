using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Telephony;

namespace Switchboard.Server.AcdHosting;

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
            .Select(call => (Waiting: call, Live: liveCalls.Find(call.CallId)))
            .Select(call => new WaitingCallView(
                call.Waiting.CallId,
                call.Live?.CallerNumber,
                call.Waiting.Priority,
                call.Waiting.Position,
                (long)call.Waiting.Waited.TotalSeconds,
                call.Waiting.EstimatedWait is { } estimate ? (long)Math.Ceiling(estimate.TotalSeconds) : null,
                call.Waiting.OfferedTo,
                call.Live?.Variables.Snapshot() ?? []))
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
