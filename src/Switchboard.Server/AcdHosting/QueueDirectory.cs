using System.Collections.Concurrent;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Server.AcdHosting;

/// <summary>The configured queues as routing looks them up, kept in memory and updated as queues are saved or deleted.</summary>
public sealed class QueueDirectory : IQueueDirectory, IQueueConfigurationListener
{
    private readonly ConcurrentDictionary<Guid, RoutingQueue> _queues = new();

    public RoutingQueue? Find(Guid queueId) => _queues.GetValueOrDefault(queueId);

    // Every queue plays music on hold (its own or the built-in one), so every waiting caller is answered first.
    public void QueueSaved(DistributionQueue queue) => _queues[queue.Id] = new RoutingQueue(queue.Name, PlaysMusicOnHold: true);

    public void QueueDeleted(Guid queueId) => _queues.TryRemove(queueId, out _);
}
