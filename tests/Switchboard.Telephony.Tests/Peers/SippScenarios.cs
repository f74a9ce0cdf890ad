namespace Switchboard.Telephony.Tests.Peers;

/// <summary>
/// sipp caller scenarios written for these tests (sipp's keywords in brackets; [branch-N] is the branch of the Nth
/// message back). The INVITE's SDP offers PCMU, PCMA and telephone-event at a media port the test listens on.
/// </summary>
internal static class SippScenarios
{
    /// <summary>Calls, is answered, and waits for the server's BYE.</summary>
    public static string CallUntilServerHangsUp(string number, int mediaPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="until-server-bye">
        {{Invite(number, mediaPort)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack}}
          <recv request="BYE"/>
        {{OkToBye}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>Calls, is answered, talks for <paramref name="talkMilliseconds"/>, then hangs up with BYE.</summary>
    public static string CallAndHangUp(string number, int mediaPort, int talkMilliseconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-bye">
        {{Invite(number, mediaPort)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack}}
          <pause milliseconds="{{talkMilliseconds}}"/>
          <send retrans="500">
            <![CDATA[

              BYE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: 2 BYE
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200"/>
        </scenario>
        """;

    /// <summary>
    /// Calls, is answered, presses 1 (RFC 4733, sipp's recording), puts the call on hold with a sendonly re-INVITE and
    /// checks the answer is recvonly, then hangs up. Its media comes from sipp's own media port.
    /// </summary>
    public static string CallPressOneHoldAndHangUp(string number) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="dtmf-hold">
        {{Invite(number, "[media_port]")}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack}}
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_1.pcap"/></action></nop>
          <pause milliseconds="1500"/>
          <send retrans="500">
            <![CDATA[

              INVITE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: 2 INVITE
              Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=sipp 53655765 2353687638 IN IP4 127.0.0.1
              s=-
              c=IN IP4 127.0.0.1
              t=0 0
              m=audio [media_port] RTP/AVP 0 101
              a=rtpmap:0 PCMU/8000
              a=rtpmap:101 telephone-event/8000
              a=sendonly

            ]]>
          </send>
          <recv response="100" optional="true"/>
          <recv response="200">
            <action><ereg regexp="a=recvonly" search_in="body" check_it="true" assign_to="held"/></action>
          </recv>
          <send>
            <![CDATA[

              ACK [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: 2 ACK
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <send retrans="500">
            <![CDATA[

              BYE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: 3 BYE
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200"/>
          <Reference variables="held"/>
        </scenario>
        """;

    /// <summary>Calls and expects a final <paramref name="status"/> without an answer, which it acknowledges.</summary>
    public static string CallRefused(string number, int mediaPort, int status, string fromUser = "sipp") => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="refused">
        {{Invite(number, mediaPort, fromUser)}}
          <recv response="100" optional="true"/>
          <recv response="{{status}}"/>
        {{AckNon2xx(3, fromUser)}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>Calls, hears ringing, cancels: expects 200 for the CANCEL and 487 for the INVITE.</summary>
    public static string CancelWhileRinging(string number, int mediaPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="cancel">
        {{Invite(number, mediaPort)}}
          <recv response="100" optional="true"/>
          <recv response="180"/>
          <send>
            <![CDATA[

              CANCEL sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-3]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 CANCEL
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200"/>
          <recv response="487"/>
        {{AckNon2xx(6, "sipp")}}
          <pause milliseconds="300"/>
        </scenario>
        """;

    private static string Invite(string number, int mediaPort, string fromUser = "sipp") =>
        Invite(number, mediaPort.ToString(System.Globalization.CultureInfo.InvariantCulture), fromUser);

    /// <param name="number">The Request-URI and To user.</param>
    /// <param name="mediaPort">The SDP's audio port: a number, or sipp's own [media_port].</param>
    /// <param name="fromUser">The From user.</param>
    private static string Invite(string number, string mediaPort, string fromUser = "sipp") => $$"""
          <send retrans="500">
            <![CDATA[

              INVITE sip:{{number}}@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Test Caller" <sip:{{fromUser}}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:{{number}}@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
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

            ]]>
          </send>
        """;

    private const string Ack = """
          <send>
            <![CDATA[

              ACK [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
        """;

    private const string OkToBye = """
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

    /// <summary>The ACK of a non-2xx final response: in the INVITE's transaction, so with its branch (<paramref name="back"/> messages back).</summary>
    private static string AckNon2xx(int back, string fromUser) => $$"""
          <send>
            <![CDATA[

              ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch-{{back}}]
              From: "Test Caller" <sip:{{fromUser}}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
        """;
}
