using System.Net;

namespace Switchboard.Sip.Transport;

/// <summary>A bound SIP transport: it writes what it receives to the channel it was created with, and sends bytes.</summary>
public interface ISipTransport : IAsyncDisposable
{
    SipTransportKind Kind { get; }

    IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts receiving; messages go to the channel the transport was created with.</summary>
    void Start();

    /// <summary>Sends one whole message; a TCP transport reuses the connection to <paramref name="remote"/> or opens one.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken);
}
