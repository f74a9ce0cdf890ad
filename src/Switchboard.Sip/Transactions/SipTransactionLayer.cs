using System.Collections.Concurrent;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 §17): creates client and server transactions, keeps them until they terminate,
/// and matches received messages to them. What matches nothing is for the core to see.
/// </summary>
public sealed class SipTransactionLayer
{
    private readonly SipTransactionContext _context;
    private readonly ConcurrentDictionary<SipTransactionKey, SipClientTransaction> _clients = new();
    private readonly ConcurrentDictionary<SipTransactionKey, SipServerTransaction> _servers = new();
    private readonly SipMetrics _metrics;

    /// <param name="metrics">Where transaction timeouts are counted; without one, on the process-wide meter <see cref="SipMetrics.MeterName"/>.</param>
    public SipTransactionLayer(ISipSender sender, TimeProvider time, SipTimerOptions timers, SipMetrics? metrics = null)
    {
        _metrics = metrics ?? SipMetrics.Shared;
        _context = new SipTransactionContext(sender, time, timers)
        {
            Ended = Forget,
            SuccessSent = (transaction, bytes) => SuccessSent?.Invoke(transaction, bytes),
        };
    }

    /// <summary>The core sent a 2xx to an INVITE: from here on the core retransmits it until the ACK (§13.3.1.4).</summary>
    public Action<InviteServerTransaction, ReadOnlyMemory<byte>>? SuccessSent { get; set; }

    public int ClientCount => _clients.Count;

    public int ServerCount => _servers.Count;

    /// <summary>Sends a request (its top Via with a fresh branch already set) as a new client transaction.</summary>
    public SipClientTransaction SendRequest(SipRequest request, SipTransportAddress destination)
    {
        SipClientTransaction transaction = request.IsMethod(SipMethods.Invite)
            ? new InviteClientTransaction(request, destination, _context)
            : new NonInviteClientTransaction(request, destination, _context);
        if (!_clients.TryAdd(transaction.Key, transaction))
            throw new InvalidOperationException("A client transaction with this branch already exists.");
        transaction.Start();
        return transaction;
    }

    /// <summary>
    /// Gives a response to its client transaction; false for a stray response and for a retransmitted 2xx to an
    /// INVITE, which are the core's (it ACKs a 2xx again, RFC 3261 §13.2.2.4).
    /// </summary>
    public bool TryReceiveResponse(SipReceivedMessage received)
    {
        if (!SipTransactionKey.TryForClient((SipResponse)received.Message, out var key) || !_clients.TryGetValue(key, out var transaction))
            return false;
        return transaction.Receive(received);
    }

    /// <summary>
    /// Gives a request to the server transaction it belongs to: a retransmission is answered again, an ACK for a
    /// non-2xx response is absorbed. False when the request starts a new transaction or is an ACK for a 2xx.
    /// </summary>
    public bool TryReceiveKnownRequest(SipReceivedMessage received)
    {
        var request = (SipRequest)received.Message;
        if (!SipTransactionKey.TryForServer(request, out var key) || !_servers.TryGetValue(key, out var transaction))
            return false;
        if (request.IsMethod(SipMethods.Ack))
        {
            if (transaction is InviteServerTransaction invite)
                invite.ReceiveAck();
        }
        else
        {
            transaction.ReceiveRetransmission();
        }
        return true;
    }

    /// <summary>Creates the server transaction of a new request (not ACK).</summary>
    public SipServerTransaction CreateServerTransaction(SipReceivedMessage received)
    {
        var request = (SipRequest)received.Message;
        if (!SipTransactionKey.TryForServer(request, out var key))
            throw new ArgumentException("The request has no usable Via or CSeq.", nameof(received));
        SipServerTransaction transaction = request.IsMethod(SipMethods.Invite)
            ? new InviteServerTransaction(received, key, _context)
            : new NonInviteServerTransaction(received, key, _context);
        var stored = _servers.GetOrAdd(key, transaction);
        if (ReferenceEquals(stored, transaction))
            transaction.Start();
        return stored;
    }

    /// <summary>The INVITE server transaction a received CANCEL is for (RFC 3261 §9.2).</summary>
    public bool TryFindCancelledInvite(SipRequest cancel, out InviteServerTransaction invite)
    {
        invite = null!;
        if (!SipTransactionKey.TryForCancelledInvite(cancel, out var key) || !_servers.TryGetValue(key, out var transaction))
            return false;
        invite = transaction as InviteServerTransaction ?? invite;
        return invite is not null;
    }

    private void Forget(SipTransaction transaction, SipTransactionFailure failure)
    {
        if (failure == SipTransactionFailure.Timeout && TimerOf(transaction) is { } timer)
            _metrics.TimedOut(timer);
        if (transaction is SipClientTransaction client)
            _clients.TryRemove(new KeyValuePair<SipTransactionKey, SipClientTransaction>(client.Key, client));
        else if (transaction is SipServerTransaction server)
            _servers.TryRemove(new KeyValuePair<SipTransactionKey, SipServerTransaction>(server.Key, server));
    }

    /// <summary>The timer whose expiry is a transaction's timeout (§17.1.1.2, §17.1.2.2, §17.2.1).</summary>
    private static SipTimeoutTimer? TimerOf(SipTransaction transaction) => transaction switch
    {
        InviteClientTransaction => SipTimeoutTimer.B,
        NonInviteClientTransaction => SipTimeoutTimer.F,
        InviteServerTransaction => SipTimeoutTimer.H,
        _ => null,
    };
}
