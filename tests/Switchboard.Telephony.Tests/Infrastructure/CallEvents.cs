using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>Collects what the server's telephony publishes, as an observer registered beside the call record writer.</summary>
internal sealed class CallEvents : ICallObserver
{
    private readonly Channel<CallSummary> _ended = Channel.CreateUnbounded<CallSummary>();
    // Completed and replaced on every event, so that a waiter wakes on each one instead of polling.
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<CallEvent> All { get; } = new();

    public void OnCallEvent(CallEvent callEvent)
    {
        All.Enqueue(callEvent);
        if (callEvent is CallFinished ended)
            _ended.Writer.TryWrite(ended.Summary);
        Interlocked.Exchange(ref _published, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>The events of one call, in the order they were published.</summary>
    public IReadOnlyList<CallEvent> Of(Guid callId) => [.. All.Where(callEvent => callEvent.CallId == callId)];

    /// <summary>The first event of its kind that meets <paramref name="condition"/>, once published; fails the test, naming the events seen, when none is.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> condition, CancellationToken cancellationToken = default)
        where T : CallEvent
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(PeerWait.Guard);
        try
        {
            while (true)
            {
                // Taken before looking, so that an event published meanwhile still wakes the wait.
                var published = Volatile.Read(ref _published);
                if (All.OfType<T>().FirstOrDefault(condition) is { } found)
                    return found;
                await published.Task.WaitAsync(guard.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw PeerWait.Failure($"a {typeof(T).Name} event", () => string.Join('\n', All));
        }
    }

    /// <summary>The next call to end; fails the test, naming the events seen, when none does.</summary>
    public async Task<CallSummary> NextEndedAsync(CancellationToken cancellationToken = default)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(PeerWait.Guard);
        try
        {
            return await _ended.Reader.ReadAsync(guard.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw PeerWait.Failure("a call to end", () => string.Join('\n', All));
        }
    }
}
