using System.Net;

namespace Switchboard.Sip.Transport;

/// <summary>Where a message came from or goes to: the transport and the remote address and port.</summary>
public readonly record struct SipTransportAddress(SipTransportKind Transport, IPEndPoint EndPoint)
{
    /// <summary>Reliable transports deliver or fail; no retransmission is needed (RFC 3261 §17.1.1.2).</summary>
    public bool IsReliable => Transport != SipTransportKind.Udp;

    /// <summary>The sent-protocol transport token of a Via: "UDP" or "TCP".</summary>
    public string ViaTransport => Transport == SipTransportKind.Udp ? "UDP" : "TCP";

    public override string ToString() => $"{ViaTransport} {EndPoint}";
}
