using Switchboard.Domain.Acd;
using Switchboard.Server.Events;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Realtime events for open events sockets, the ACD's and users' call events: each subscription gets the events
/// meant for it.
/// </summary>
public sealed class AcdEventStream : IAcdEventSink
{
    private readonly Lock _lock = new();
    private AcdEventSubscription[] _subscriptions = [];

    /// <param name="agentId">Only this agent's events (status, activity, offers, calls); null for every event.</param>
    /// <param name="watchesQueue">
    /// For an agent: also the calls entering and leaving the queues this says yes to (the agent's own queues).
    /// </param>
    public AcdEventSubscription Subscribe(Guid? agentId, Func<Guid, bool>? watchesQueue = null)
    {
        var subscription = new AcdEventSubscription(agentId, watchesQueue, Unsubscribe);
        lock (_lock)
            Volatile.Write(ref _subscriptions, [.. _subscriptions, subscription]);
        return subscription;
    }

    public void Publish(AcdEvent acdEvent)
    {
        if (Volatile.Read(ref _subscriptions).Length > 0)
            Publish(AcdEventMessages.From(acdEvent));
    }

    /// <summary>Hands a message to every subscription it is meant for; never waits.</summary>
    public void Publish(EventMessage message)
    {
        // Read without the lock (the array is replaced, never changed), so subscribing never holds up the ACD's loop.
        foreach (var subscription in Volatile.Read(ref _subscriptions))
            subscription.Offer(message);
    }

    private void Unsubscribe(AcdEventSubscription subscription)
    {
        lock (_lock)
            Volatile.Write(ref _subscriptions, [.. _subscriptions.Where(other => other != subscription)]);
    }
}
