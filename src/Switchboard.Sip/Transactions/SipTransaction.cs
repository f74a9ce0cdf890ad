using System.Net.Sockets;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// A transaction of RFC 3261 §17: a state machine driven by messages and timers. State changes under one lock per
/// transaction; sends, completions and callbacks happen after it is released.
/// </summary>
public abstract class SipTransaction
{
    private readonly TaskCompletionSource<SipTransactionFailure> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    private protected TransactionTimer CreateTimer(Action fire) => new(Context.Time, fire);

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
            OnTransportError();
        }
    }

    private protected abstract void OnTransportError();

    /// <summary>Call once, outside the lock, when the state machine reached Terminated.</summary>
    private protected void End(SipTransactionFailure failure)
    {
        if (_ended.TrySetResult(failure))
            Context.Ended(this);
    }

    private protected static bool IsTransportError(Exception exception) =>
        exception is SocketException or IOException or ObjectDisposedException or OperationCanceledException;
}
