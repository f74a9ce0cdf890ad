using Switchboard.Domain.Acd;

namespace Switchboard.Server.Acd;

/// <summary>Realtime ACD events for open events sockets: each subscription gets the events meant for it.</summary>
public sealed class AcdEventStream : IAcdEventSink
{
    private readonly Lock _lock = new();
    private AcdEventSubscription[] _subscriptions = [];

    /// <param name="agentId">Only this agent's events (status, activity, offers); null for every event.</param>
    public AcdEventSubscription Subscribe(Guid? agentId)
    {
        var subscription = new AcdEventSubscription(agentId, Unsubscribe);
        lock (_lock)
            Volatile.Write(ref _subscriptions, [.. _subscriptions, subscription]);
        return subscription;
    }

    public void Publish(AcdEvent acdEvent)
    {
        // Read without the lock (the array is replaced, never changed), so subscribing never holds up the ACD's loop.
        var subscriptions = Volatile.Read(ref _subscriptions);
        if (subscriptions.Length == 0)
            return;

        var message = AcdEventMessage.From(acdEvent);
        foreach (var subscription in subscriptions)
            subscription.Offer(message);
    }

    private void Unsubscribe(AcdEventSubscription subscription)
    {
        lock (_lock)
            Volatile.Write(ref _subscriptions, [.. _subscriptions.Where(other => other != subscription)]);
    }
}
