using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>What transactions send through: whole serialised messages to a transport address.</summary>
public interface ISipSender
{
    /// <summary>Throws (SocketException, IOException) when the transport cannot deliver, which fails the transaction.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, SipTransportAddress destination, CancellationToken cancellationToken);
}
