using System.Threading.Channels;
using Switchboard.Server.Events;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// One listener of <see cref="AcdEventStream"/> (an open events socket): the events meant for it, in a bounded
/// buffer that drops its oldest events when the listener falls behind, so a slow client never holds up the ACD.
/// Disposing ends the subscription.
/// </summary>
public sealed class AcdEventSubscription : IDisposable
{
    /// <summary>Enough for a busy minute of a supervisor's screen; a client further behind has lost the picture anyway.</summary>
    public const int Capacity = 1024;

    private readonly Channel<EventMessage> _messages = Channel.CreateBounded<EventMessage>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });

    private readonly Func<Guid, bool>? _watchesQueue;
    private readonly Action<AcdEventSubscription> _unsubscribe;

    internal AcdEventSubscription(Guid? agentId, Func<Guid, bool>? watchesQueue, Action<AcdEventSubscription> unsubscribe)
    {
        AgentId = agentId;
        _watchesQueue = watchesQueue;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The agent whose events alone this listener gets; null for every event (supervision).</summary>
    public Guid? AgentId { get; }

    public ChannelReader<EventMessage> Reader => _messages.Reader;

    internal void Offer(EventMessage message)
    {
        if (AgentId is null || (message is IAgentEventMessage about && about.AgentId == AgentId) || IsAboutAWatchedQueue(message))
            _messages.Writer.TryWrite(message);
    }

    private bool IsAboutAWatchedQueue(EventMessage message) =>
        message is IWaitingCountMessage waiting && _watchesQueue is not null && _watchesQueue(waiting.QueueId);

    public void Dispose()
    {
        _unsubscribe(this);
        _messages.Writer.TryComplete();
    }
}
