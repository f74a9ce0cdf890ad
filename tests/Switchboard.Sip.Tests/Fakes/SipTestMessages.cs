using System.Net;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Fakes;

/// <summary>Requests and responses as a peer at 192.0.2.10:5062 would send them.</summary>
internal static class SipTestMessages
{
    public static readonly IPEndPoint PeerEndPoint = new(IPAddress.Parse("192.0.2.10"), 5062);

    public static SipTransportAddress Udp { get; } = new(SipTransportKind.Udp, PeerEndPoint);

    public static SipTransportAddress Tcp { get; } = new(SipTransportKind.Tcp, PeerEndPoint);

    public static SipRequest Request(string method, string branch = "z9hG4bKpeer1", uint cseq = 1, string toTag = "", string callId = "call-1@192.0.2.10",
        string extraHeaders = "", string sentBy = "192.0.2.10:5062")
    {
        var lines = new List<string>
        {
            $"{method} sip:service@198.51.100.1 SIP/2.0",
            $"Via: SIP/2.0/UDP {sentBy};branch={branch}",
            "Max-Forwards: 70",
            "From: \"Alice\" <sip:alice@example.com>;tag=alicetag",
            "To: <sip:service@198.51.100.1>" + (toTag.Length > 0 ? ";tag=" + toTag : ""),
            $"Call-ID: {callId}",
            $"CSeq: {cseq} {method}",
            "Contact: <sip:alice@192.0.2.10:5062>",
        };
        if (extraHeaders.Length > 0)
            lines.Add(extraHeaders);
        return TestMessages.ParseRequest(string.Join("\n", lines) + "\nContent-Length: 0\n\n");
    }

    public static SipReceivedMessage Received(SipMessage message, SipTransportAddress? source = null) => new(message, source ?? Udp);

    /// <summary>A response to <paramref name="request"/> as the peer would send it back.</summary>
    public static SipResponse ResponseTo(SipRequest request, int statusCode, string toTag = "peertag")
    {
        var response = SipResponseBuilder.CreateResponse(request, statusCode, System.Text.Encoding.ASCII.GetBytes(toTag));
        return Assert.IsType<SipResponse>(TestMessages.Parse(SipMessageWriter.ToArray(response)));
    }

    /// <summary>A request from this stack, Via set as the endpoint sets it.</summary>
    public static SipRequest Outgoing(string method, string branch, uint cseq = 1)
    {
        var request = new SipRequest(method, "sip:bob@192.0.2.10:5062");
        request.Headers.Add("Via", $"SIP/2.0/UDP 198.51.100.1:5060;branch={branch};rport");
        request.Headers.Add("Max-Forwards", "70");
        request.Headers.Add("From", "<sip:service@198.51.100.1>;tag=ourtag");
        request.Headers.Add("To", "<sip:bob@192.0.2.10>");
        request.Headers.Add("Call-ID", "out-1@198.51.100.1");
        request.Headers.Add("CSeq", $"{cseq} {method}");
        request.Headers.Add("Contact", "<sip:service@198.51.100.1:5060>");
        return request;
    }
}
