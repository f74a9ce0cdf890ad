using Switchboard.Server.AcdHosting;
using Switchboard.Server.Events;

namespace Switchboard.Server.Workspace;

/// <summary>
/// One agent's realtime events, in process, for a page on the circuit: what the events socket would send them (their
/// status, activity, offers and calls, and the calls entering and leaving their queues), handed one at a time, in
/// order, to the page. Like the socket's, its buffer drops the oldest events when the page falls far behind.
/// Disposing ends it.
/// </summary>
public sealed class AgentEventFeed : IAsyncDisposable
{
    private readonly AcdEventSubscription _subscription;
    private readonly CancellationTokenSource _stopped = new();
    private readonly Task _pump;

    public AgentEventFeed(AcdEventStream stream, QueueMemberships memberships, Guid agentId, Func<EventMessage, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(memberships);
        _subscription = stream.Subscribe(agentId, queueId => memberships.IsMember(agentId, queueId));
        _pump = PumpAsync(handle, _stopped.Token);
    }

    private async Task PumpAsync(Func<EventMessage, Task> handle, CancellationToken stopped)
    {
        // Off the caller's flow: the page's handler runs on its own dispatcher.
        await Task.Yield();
        try
        {
            await foreach (var message in _subscription.Reader.ReadAllAsync(stopped))
                await handle(message);
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        _subscription.Dispose();
        try
        {
            await _pump;
        }
        catch (ObjectDisposedException)
        {
            // The page's renderer went first: nothing is left to tell.
        }

        _stopped.Dispose();
    }
}
