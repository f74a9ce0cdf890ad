namespace Switchboard.Sip.Benchmarks;

/// <summary>Requests as a trunk and a monitoring peer send them.</summary>
internal static class SampleMessages
{
    public const string Invite =
        "INVITE sip:+12025550100@192.0.2.10:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-524287-1---a81bb1f8a6d2;rport\r\n" +
        "Max-Forwards: 69\r\n" +
        "From: \"Alice\" <sip:+14155550123@198.51.100.7>;tag=9fxced76sl\r\n" +
        "To: <sip:+12025550100@192.0.2.10>\r\n" +
        "Call-ID: 3848276298220188511@198.51.100.7\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: <sip:+14155550123@198.51.100.7:5060>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE\r\n" +
        "Supported: timer, replaces\r\n" +
        "Session-Expires: 1800\r\n" +
        "User-Agent: Trunk/1.0\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 203\r\n" +
        "\r\n" +
        "v=0\r\n" +
        "o=- 3849203 3849203 IN IP4 198.51.100.7\r\n" +
        "s=-\r\n" +
        "c=IN IP4 198.51.100.7\r\n" +
        "t=0 0\r\n" +
        "m=audio 40000 RTP/AVP 8 0 101\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=sendrecv\r\n";
}
