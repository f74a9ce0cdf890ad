using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>What transactions send through: whole serialised messages to a transport address.</summary>
public interface ISipSender
{
    /// <summary>
    /// Hands the message to the transport's send queue and returns without waiting for the peer. Throws
    /// (SocketException, IOException) when it cannot even be queued (no transport, the connection is closed or its
    /// peer does not drain it), which fails the transaction; a message lost after that is recovered by retransmission
    /// or ends the transaction by its timeout, as over a lossy network.
    /// </summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, SipTransportAddress destination, CancellationToken cancellationToken);
}
