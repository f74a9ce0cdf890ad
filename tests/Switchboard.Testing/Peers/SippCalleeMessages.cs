using System.Globalization;

namespace Switchboard.Testing.Peers;

/// <summary>
/// The responses of a called sipp (an agent's device, a forward target) to the request it just received, in sipp's
/// keywords: the To gets the callee's tag, and a Contact names <c>contactUser</c>.
/// </summary>
public static class SippCalleeMessages
{
    /// <summary>The payload type of G.711 µ-law (RFC 3551).</summary>
    public const int Pcmu = 0;

    /// <summary>The payload type of G.711 A-law (RFC 3551).</summary>
    public const int Pcma = 8;

    private const string LastCSeq = "[last_CSeq:]";

    /// <summary>A response without body or Contact, such as "486 Busy Here".</summary>
    /// <param name="cseq">The CSeq line: the request's by default.</param>
    public static string Reply(string status, string cseq = LastCSeq) => Response(status, $"{cseq}\nContent-Length: 0");

    public static string Ringing(string contactUser) => Response("180 Ringing", $"{LastCSeq}\n{Contact(contactUser)}\nContent-Length: 0");

    /// <summary>The 200 that answers: audio at <paramref name="mediaPort"/> in G.711 (<see cref="Pcmu"/> or <see cref="Pcma"/>) and telephone-event 101.</summary>
    /// <param name="mediaPort">A port number, or sipp's own [media_port].</param>
    /// <param name="headers">More header lines, e.g. a granted Session-Expires.</param>
    public static string Answer(string contactUser, string mediaPort, int payloadType = Pcmu, IReadOnlyList<string>? headers = null) => Response("200 OK", $"""
        {LastCSeq}
        {Contact(contactUser)}
        {string.Concat((headers ?? []).Select(header => header + "\n"))}Content-Type: application/sdp
        Content-Length: [len]

        v=0
        o={contactUser} 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio {mediaPort} RTP/AVP {payloadType} 101
        a=rtpmap:{payloadType} {(payloadType == Pcma ? "PCMA" : "PCMU")}/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        """, retransmitted: true);

    public static string Answer(string contactUser, int mediaPort, int payloadType = Pcmu) =>
        Answer(contactUser, mediaPort.ToString(CultureInfo.InvariantCulture), payloadType);

    /// <summary>
    /// The called party's own BYE, once it took the caller's From and its own To as "caller" and "callee" when the
    /// INVITE came (sipp's ereg), and expects the 200.
    /// </summary>
    public static string ByeFromCallee(int sequence = 1) => $$"""
          <send retrans="500">
            <![CDATA[

              BYE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: [$callee];tag=[pid]SIPpTag01[call_number]
              To: [$caller]
              Call-ID: [call_id]
              CSeq: {{sequence}} BYE
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200"/>
        """;

    private static string Contact(string contactUser) => $"Contact: <sip:{contactUser}@[local_ip]:[local_port];transport=[transport]>";

    // sipp trims each line, so the indentation of the lines after the first does not reach the wire.
    private static string Response(string status, string rest, bool retransmitted = false) => $$"""
          <send{{(retransmitted ? " retrans=\"500\"" : "")}}>
            <![CDATA[

              SIP/2.0 {{status}}
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              {{rest}}

            ]]>
          </send>
        """;
}
