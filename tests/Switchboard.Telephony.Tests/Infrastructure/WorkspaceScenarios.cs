using static Switchboard.Testing.Peers.SippMessages;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>
/// sipp scenarios of the workspace tests (sipp's keywords in brackets): a caller with a phone number whose media is a
/// <see cref="MediaPeer"/>, and an agent's device (<see cref="AgentDevice"/>) that rings until it is cancelled or
/// answers in PCMU until it gets a BYE. A device given the caller's number checks that its INVITE's From carries it
/// (a failed check makes sipp exit non-zero).
/// </summary>
internal static class WorkspaceScenarios
{
    /// <summary>The number the callers dial.</summary>
    public const string Number = "+12025550100";

    /// <summary>The caller's number, as the switchboard makes it E.164 from the From user.</summary>
    public const string CallerNumber = "+14155550123";

    /// <summary>The caller's display name.</summary>
    public const string CallerName = "Test Caller";

    private const string CallerUser = "14155550123";

    /// <summary>Calls, is answered, and waits for the switchboard's BYE.</summary>
    public static string CallerUntilServerHangsUp(int mediaPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-until-bye">
        {{Invite(Number[1..], mediaPort, CallerUser)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack()}}
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>Calls, is answered (by the queue's music), and hangs up after <paramref name="milliseconds"/>.</summary>
    public static string CallerHangsUpAfter(int mediaPort, int milliseconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-bye">
        {{Invite(Number[1..], mediaPort, CallerUser)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack()}}
          <pause milliseconds="{{milliseconds}}"/>
        {{Bye(2)}}
          <recv response="200"/>
        </scenario>
        """;

    /// <summary>Rings (180) and never answers: expects a CANCEL, answers it with 200 and the INVITE with 487.</summary>
    public static string DeviceRingsUntilCancelled(string? callerNumber = null) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="device-rings">
        {{ReceiveInvite(callerNumber)}}
        {{Ringing}}
          <recv request="CANCEL"/>
          <send>
            <![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]>
          </send>
          <send>
            <![CDATA[

              SIP/2.0 487 Request Terminated
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              CSeq: [last_cseq_number] INVITE
              Content-Length: 0

            ]]>
          </send>
          <recv request="ACK"/>
        {{References(callerNumber)}}
        </scenario>
        """;

    /// <summary>Rings, answers at once with its media at <paramref name="mediaPort"/>, and waits for the switchboard's BYE.</summary>
    public static string DeviceAnswersUntilBye(int mediaPort, string? callerNumber = null) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="device-answers">
        {{ReceiveInvite(callerNumber)}}
        {{Ringing}}
          <send retrans="500">
            <![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:device@[local_ip]:[local_port];transport=[transport]>
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=device 53655765 2353687637 IN IP4 127.0.0.1
              s=-
              c=IN IP4 127.0.0.1
              t=0 0
              m=audio {{mediaPort}} RTP/AVP 0 101
              a=rtpmap:0 PCMU/8000
              a=rtpmap:101 telephone-event/8000
              a=fmtp:101 0-15
              a=sendrecv

            ]]>
          </send>
          <recv request="ACK"/>
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        {{References(callerNumber)}}
        </scenario>
        """;

    private const string Ringing = """
          <send>
            <![CDATA[

              SIP/2.0 180 Ringing
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:device@[local_ip]:[local_port];transport=[transport]>
              Content-Length: 0

            ]]>
          </send>
        """;

    private static string ReceiveInvite(string? callerNumber) => callerNumber is null
        ? """  <recv request="INVITE"/>"""
        : $$"""
              <recv request="INVITE">
                <action>
                  <ereg regexp="sip:{{callerNumber.Replace("+", "\\+", StringComparison.Ordinal)}}@" search_in="hdr" header="From:" check_it="true" assign_to="caller"/>
                </action>
              </recv>
            """;

    // sipp refuses a scenario with a variable that is set but never used.
    private static string References(string? callerNumber) => callerNumber is null ? "" : """  <Reference variables="caller"/>""";
}
