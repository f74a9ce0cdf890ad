using static Switchboard.Testing.Peers.SippMessages;

namespace Switchboard.Sip.Tests.Peers;

/// <summary>sipp scenarios written for these tests (sipp's keywords in brackets; [branch-N] is the branch of the Nth message back).</summary>
internal static class SippScenarios
{
    public const string Options = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="options">
          <send retrans="500">
            <![CDATA[

              OPTIONS sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 OPTIONS
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200"/>
        </scenario>
        """;

    /// <summary>Over UDP: garbage (dropped), a truncated body and a bad Max-Forwards (each answered 400).</summary>
    public const string MalformedOverUdp = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="malformed-udp">
          <send>
            <![CDATA[

              \x01\x02 this is not SIP at all
              Call-ID: [call_id]

            ]]>
          </send>
          <send>
            <![CDATA[

              OPTIONS sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 OPTIONS
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: 400

              v=0
            ]]>
          </send>
          <recv response="400"/>
          <send>
            <![CDATA[

              OPTIONS sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 2 OPTIONS
              Max-Forwards: lots
              Content-Length: 0

            ]]>
          </send>
          <recv response="400"/>
        </scenario>
        """;

    /// <summary>Over TCP: a framed but malformed request (400, connection kept), then bytes that cannot be framed (connection closed).</summary>
    public const string MalformedOverTcp = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="malformed-tcp">
          <send>
            <![CDATA[

              OPTIONS sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 2 OPTIONS
              Max-Forwards: lots
              Content-Length: 0

            ]]>
          </send>
          <recv response="400"/>
          <send>
            <![CDATA[

              GARBAGE without any length
              Call-ID: [call_id]
              Content-Length: lots

            ]]>
          </send>
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>INVITE, 180, then CANCEL: expects 200 for the CANCEL and 487 for the INVITE, and ACKs the 487.</summary>
    public static readonly string CancelAfterRinging = $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="cancel">
        {{Invite("service", mediaPort: null)}}
          <recv response="100" optional="true"/>
          <recv response="180"/>
        {{Cancel("service", 3)}}
          <recv response="200"/>
          <recv response="487"/>
        {{AckNon2xx(6)}}
          <pause milliseconds="300"/>
        </scenario>
        """;
}
