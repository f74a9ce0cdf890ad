using System.Net.Sockets;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// A transaction of RFC 3261 §17: a state machine driven by messages and timers. State changes under one lock per
/// transaction; completions and callbacks happen after it is released, and so do sends, but for a 100 Trying
/// of the transaction's own, which is queued under it so that it cannot follow the core's final response.
/// </summary>
public abstract class SipTransaction
{
    private readonly TaskCompletionSource<SipTransactionFailure> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TransactionTimer> _timers = [];

    private protected SipTransaction(SipTransactionKey key, SipTransportAddress remote, SipTransactionContext context)
    {
        Key = key;
        Remote = remote;
        Context = context;
    }

    public SipTransactionKey Key { get; }

    /// <summary>Where this transaction sends: the request's destination (client) or where responses go (server).</summary>
    public SipTransportAddress Remote { get; }

    /// <summary>Completes when the transaction is terminated, telling whether it failed.</summary>
    public Task<SipTransactionFailure> Ended => _ended.Task;

    private protected SipTransactionContext Context { get; }

    private protected Lock Gate { get; } = new();

    private protected SipTimerOptions Timers => Context.Timers;

    /// <summary>A timer of this transaction; <see cref="Terminate"/> stops it with the others.</summary>
    private protected TransactionTimer CreateTimer(Action fire)
    {
        var timer = new TransactionTimer(Context.Time, fire);
        _timers.Add(timer);
        return timer;
    }

    /// <summary>The next interval of timers E and G: the last one doubled, up to T2 (§17.1.2.2, §17.2.1).</summary>
    private protected TimeSpan DoubledUpToT2(TimeSpan interval) => interval * 2 < Timers.T2 ? interval * 2 : Timers.T2;

    /// <summary>Sends without waiting; a transport error comes back as <see cref="OnTransportError"/>.</summary>
    private protected void Transmit(ReadOnlyMemory<byte> message) => _ = TransmitAsync(message);

    private async Task TransmitAsync(ReadOnlyMemory<byte> message)
    {
        try
        {
            await Context.Sender.SendAsync(message, Remote, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransportError(exception))
        {
            // Not swallowed: the transaction ends as a transport failure (§17.1.4, §17.2.4), which the core is told
            // through Ended and its response task; the transport logged why the message did not leave.
            OnTransportError();
        }
    }

    private protected abstract void OnTransportError();

    /// <summary>Sets the state machine's own Terminated state; called under the lock.</summary>
    private protected abstract void EnterTerminated();

    /// <summary>Moves the state machine to Terminated and stops every timer; called under the lock.</summary>
    private protected void Terminate()
    {
        EnterTerminated();
        foreach (var timer in _timers)
            timer.Stop();
    }

    /// <summary>
    /// Terminates under the lock when <paramref name="ends"/> holds for the current state, so that of two racing
    /// events only one ends the transaction: true for that one, which then calls <see cref="End"/> outside the lock.
    /// </summary>
    private protected bool TryTerminate(Func<bool> ends)
    {
        lock (Gate)
        {
            if (!ends())
                return false;
            Terminate();
            return true;
        }
    }

    /// <summary>Call once, outside the lock, when the state machine reached Terminated.</summary>
    private protected void End(SipTransactionFailure failure)
    {
        if (_ended.TrySetResult(failure))
            Context.Ended(this, failure);
    }

    private protected static bool IsTransportError(Exception exception) =>
        exception is SocketException or IOException or ObjectDisposedException or OperationCanceledException;
}
