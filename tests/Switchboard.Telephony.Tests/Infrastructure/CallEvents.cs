using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>Collects what the server's telephony publishes, as an observer registered beside the call record writer.</summary>
internal sealed class CallEvents : ICallObserver
{
    private readonly Channel<CallSummary> _ended = Channel.CreateUnbounded<CallSummary>();

    public ConcurrentQueue<CallEvent> All { get; } = new();

    public void OnCallEvent(CallEvent callEvent)
    {
        All.Enqueue(callEvent);
        if (callEvent is CallEnded ended)
            _ended.Writer.TryWrite(ended.Summary);
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
