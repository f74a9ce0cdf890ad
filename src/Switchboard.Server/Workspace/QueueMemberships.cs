using System.Collections.Concurrent;
using Switchboard.Domain.Acd;
using Switchboard.Server.AcdHosting;

namespace Switchboard.Server.Workspace;

/// <summary>
/// Every queue's name and members, followed as the configuration changes: which queues an agent's workspace watches
/// on the events socket, and what a ringing call's queue is called.
/// </summary>
public sealed class QueueMemberships : IQueueConfigurationListener
{
    private readonly ConcurrentDictionary<Guid, QueueMembership> _queues = new();

    public bool IsMember(Guid agentId, Guid queueId) => _queues.TryGetValue(queueId, out var queue) && queue.Members.Contains(agentId);

    /// <summary>The queue's name, or null when there is no such queue (any more).</summary>
    public string? NameOf(Guid queueId) => _queues.TryGetValue(queueId, out var queue) ? queue.Name : null;

    public void QueueSaved(DistributionQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _queues[queue.Id] = new QueueMembership(queue.Name, [.. queue.Members.Select(member => member.UserId)]);
    }

    public void QueueDeleted(Guid queueId) => _queues.TryRemove(queueId, out _);

    private sealed record QueueMembership(string Name, HashSet<Guid> Members);
}
