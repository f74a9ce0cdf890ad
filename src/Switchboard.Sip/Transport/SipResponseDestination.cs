using System.Net;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Transport;

/// <summary>Where the responses to a received request go (RFC 3261 §18.2.2, RFC 3581 §4).</summary>
public static class SipResponseDestination
{
    /// <summary>
    /// Over TCP, back on the connection the request came in on. Over UDP, to the source address (the received
    /// parameter) and, when the client asked with rport, to the source port, else to the Via's sent-by port.
    /// </summary>
    public static SipTransportAddress For(SipReceivedMessage request)
    {
        var source = request.Source;
        if (source.IsReliable || !request.Message.TryGetVias(out var vias) || vias[0].HasRPort)
            return source;
        return source with { EndPoint = new IPEndPoint(source.EndPoint.Address, vias[0].Port ?? 5060) };
    }
}
