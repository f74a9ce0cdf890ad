using static Switchboard.Testing.Peers.SippCalleeMessages;
using static Switchboard.Testing.Peers.SippMessages;

namespace Switchboard.Testing.Peers;

/// <summary>
/// sipp scenarios of a user's SIP device (<see cref="SippDevice"/>): its digest REGISTER, and the UAS that takes the
/// user's call. A device given the caller's number checks that its INVITE's From carries it (a failed check makes
/// sipp exit non-zero).
/// </summary>
public static class SippDeviceScenarios
{
    private const string ContactUser = "device";

    /// <summary>REGISTERs <paramref name="username"/>, answers the 401 challenge with <paramref name="password"/>, and expects 200.</summary>
    public static string Register(string username, string password) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="register-device">
        {{RegisterRequest(username, sequence: 1, authentication: "")}}
          <recv response="401" auth="true"/>
        {{RegisterRequest(username, sequence: 2, authentication: $"[authentication username={username} password={password}]\n")}}
          <recv response="200"/>
        </scenario>
        """;

    /// <summary>Rings (180) and never answers: expects a CANCEL, answers it with 200 and the INVITE with 487.</summary>
    public static string RingsUntilCancelled(string? callerNumber = null) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="device-rings">
        {{ReceiveInvite(callerNumber)}}
        {{Ringing(ContactUser)}}
          <recv request="CANCEL"/>
        {{Reply("200 OK")}}
        {{Reply("487 Request Terminated", "CSeq: [last_cseq_number] INVITE")}}
          <recv request="ACK"/>
        {{References(callerNumber)}}
        </scenario>
        """;

    /// <summary>
    /// Rings, answers in PCMU with its media at <paramref name="mediaPort"/> (after <paramref name="ringMilliseconds"/>,
    /// at once by default), and waits for the switchboard's BYE.
    /// </summary>
    public static string AnswersUntilBye(int mediaPort, string? callerNumber = null, int ringMilliseconds = 0) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="device-answers">
        {{ReceiveInvite(callerNumber)}}
        {{Ringing(ContactUser)}}
        {{(ringMilliseconds > 0 ? $"""  <pause milliseconds="{ringMilliseconds}"/>""" : "")}}
        {{Answer(ContactUser, mediaPort)}}
          <recv request="ACK"/>
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        {{References(callerNumber)}}
        </scenario>
        """;

    private static string RegisterRequest(string username, int sequence, string authentication) => $$"""
          <send retrans="500">
            <![CDATA[

              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:{{username}}@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:{{username}}@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: {{sequence}} REGISTER
              Contact: <sip:{{username}}@[local_ip]:[local_port];transport=[transport]>
              {{authentication}}Expires: 600
              Max-Forwards: 70
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
