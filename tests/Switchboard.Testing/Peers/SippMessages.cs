using System.Globalization;

namespace Switchboard.Testing.Peers;

/// <summary>
/// The messages a sipp caller scenario is made of (sipp's keywords in brackets; [branch-N] is the branch of the
/// Nth message back). The INVITE's SDP offers PCMU, PCMA and telephone-event.
/// </summary>
public static class SippMessages
{
    // sipp trims each line, so the indentation after the break does not reach the wire.
    private const string HeaderBreak = "\n      ";
    private const string AuthenticationLine = "[authentication]" + HeaderBreak;

    public static string Invite(string number, int mediaPort, string fromUser = "sipp", int sequence = 1, bool authenticated = false,
        IReadOnlyList<string>? headers = null) =>
        Invite(number, mediaPort.ToString(CultureInfo.InvariantCulture), fromUser, sequence, authenticated, headers);

    /// <param name="number">The Request-URI and To user.</param>
    /// <param name="mediaPort">The SDP's audio port: a number, or sipp's own [media_port]; null for an INVITE without an offer.</param>
    /// <param name="fromUser">The From user.</param>
    /// <param name="sequence">The CSeq number.</param>
    /// <param name="authenticated">Whether to answer the last challenge with sipp's -au/-ap credentials.</param>
    /// <param name="headers">More header lines, e.g. a carrier's X- headers.</param>
    public static string Invite(string number, string? mediaPort, string fromUser = "sipp", int sequence = 1, bool authenticated = false,
        IReadOnlyList<string>? headers = null) => $$"""
          <send retrans="500">
            <![CDATA[

              INVITE sip:{{number}}@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Test Caller" <sip:{{fromUser}}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:{{number}}@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: {{sequence}} INVITE
              Contact: <sip:{{fromUser}}@[local_ip]:[local_port];transport=[transport]>
              {{string.Concat((headers ?? []).Select(header => header + HeaderBreak))}}{{(authenticated ? AuthenticationLine : "")}}Max-Forwards: 70
              {{(mediaPort is null ? "Content-Length: 0\n" : Offer(mediaPort))}}
            ]]>
          </send>
        """;

    /// <summary>
    /// A re-INVITE in the caller's dialog (after its 200, whose To it repeats), offering PCMU and telephone-event at
    /// <paramref name="mediaPort"/> in <paramref name="direction"/> (sendrecv, sendonly for a hold), with more
    /// <paramref name="headers"/>.
    /// </summary>
    public static string Reinvite(int sequence, string mediaPort, string direction = "sendrecv", IReadOnlyList<string>? headers = null) => $$"""
          <send retrans="500">
            <![CDATA[

              INVITE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: {{sequence}} INVITE
              Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
              {{string.Concat((headers ?? []).Select(header => header + HeaderBreak))}}Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=sipp 53655765 2353687638 IN IP4 127.0.0.1
              s=-
              c=IN IP4 127.0.0.1
              t=0 0
              m=audio {{mediaPort}} RTP/AVP 0 101
              a=rtpmap:0 PCMU/8000
              a=rtpmap:101 telephone-event/8000
              a={{direction}}

            ]]>
          </send>
        """;

    /// <summary>The ACK of a 2xx: a transaction of its own, to the answer's Contact.</summary>
    public static string Ack(int sequence = 1) => $$"""
          <send>
            <![CDATA[

              ACK [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: {{sequence}} ACK
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
        """;

    /// <summary>The ACK of a non-2xx final response: in the INVITE's transaction, so with its branch (<paramref name="back"/> messages back).</summary>
    public static string AckNon2xx(int back, string fromUser = "sipp", int sequence = 1) => $$"""
          <send>
            <![CDATA[

              ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-{{back}}]
              From: "Test Caller" <sip:{{fromUser}}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: {{sequence}} ACK
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
        """;

    /// <summary>The CANCEL of the INVITE <paramref name="back"/> messages back, in its transaction.</summary>
    public static string Cancel(string number, int back) => $$"""
          <send>
            <![CDATA[

              CANCEL sip:{{number}}@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-{{back}}]
              From: "Test Caller" <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:{{number}}@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 CANCEL
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
        """;

    /// <summary>The caller's BYE; <paramref name="to"/> is the To line, the last message's by default (a captured one after requests of the other side).</summary>
    public static string Bye(int sequence, string to = "[last_To:]") => $$"""
          <send retrans="500">
            <![CDATA[

              BYE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              {{to}}
              Call-ID: [call_id]
              CSeq: {{sequence}} BYE
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
        """;

    /// <summary>The 200 to the request just received (a BYE).</summary>
    public const string Ok = """
          <send>
            <![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]>
          </send>
        """;

    private static string Offer(string mediaPort) => $$"""
        Content-Type: application/sdp
        Content-Length: [len]

        v=0
        o=sipp 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio {{mediaPort}} RTP/AVP 0 8 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv

        """;
}
