using System.Globalization;
using static Switchboard.Testing.Peers.SippCalleeMessages;
using static Switchboard.Testing.Peers.SippMessages;

namespace Switchboard.Telephony.Tests.Peers;

/// <summary>
/// sipp peers that use session timers (RFC 4028) with a short interval: callers that refresh, never refresh, cannot
/// refresh or ask for too short an interval, and forward targets that refresh or let the switchboard refresh. Each
/// checks the Session-Expires it is given (a mismatch fails the run).
/// </summary>
internal static class SippSessionTimerScenarios
{
    /// <summary>Asks for a timer it refreshes itself, and never does: the switchboard's BYE ends the run.</summary>
    public static string CallerWhoNeverRefreshes(string number, int mediaPort, int seconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="never-refreshes">
        {{Invite(number, mediaPort, headers: ["Supported: timer", $"Session-Expires: {seconds};refresher=uac"])}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true">{{Expect($"{seconds};refresher=uac", requireTimer: true)}}</recv>
        {{Ack()}}
          <recv request="BYE" timeout="{{seconds * 3000}}"/>
        {{Ok}}
          <pause milliseconds="200"/>
          <Reference variables="expires,required"/>
        </scenario>
        """;

    /// <summary>Asks for a timer it refreshes, refreshes it with a re-INVITE at half the interval <paramref name="refreshes"/> times, then hangs up.</summary>
    public static string CallerWhoRefreshes(string number, int mediaPort, int seconds, int refreshes) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="refreshes">
        {{Invite(number, mediaPort, headers: ["Supported: timer", $"Session-Expires: {seconds};refresher=uac"])}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true">{{Expect($"{seconds};refresher=uac", requireTimer: true)}}</recv>
        {{Ack()}}
        {{string.Concat(Enumerable.Range(2, refreshes).Select(sequence => $"""
          <pause milliseconds="{seconds * 500}"/>
        {Reinvite(sequence, mediaPort.ToString(CultureInfo.InvariantCulture), headers: ["Supported: timer", $"Session-Expires: {seconds};refresher=uac"])}
          <recv response="100" optional="true"/>
          <recv response="200">{Expect($"{seconds};refresher=uac", requireTimer: true)}</recv>
        {Ack(sequence)}

        """))}}
          <pause milliseconds="{{seconds * 500}}"/>
        {{Bye(refreshes + 2)}}
          <recv response="200"/>
          <Reference variables="expires,required"/>
        </scenario>
        """;

    /// <summary>
    /// A caller without timer support behind a proxy that asked for one: the switchboard must refresh, so this waits
    /// for two of its re-INVITEs, answers them, and hangs up.
    /// </summary>
    public static string CallerWithoutTimerSupport(string number, int mediaPort, int seconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="switchboard-refreshes">
        {{Invite(number, mediaPort, headers: [$"Session-Expires: {seconds}"])}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true">
            <action><ereg regexp=".*" search_in="hdr" header="To:" assign_to="switchboard"/></action>
            {{Expect($"{seconds};refresher=uas", requireTimer: false)}}
          </recv>
        {{Ack()}}
        {{Refreshed(mediaPort, seconds)}}
        {{Bye(2, to: "To: [$switchboard]")}}
          <recv response="200"/>
          <Reference variables="switchboard,expires,required"/>
        </scenario>
        """;

    /// <summary>Asks for 1 s, below the switchboard's minimum: refused with 422 naming the minimum.</summary>
    public static string CallerAskingTooShort(string number, int mediaPort, int minimum) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="too-short">
        {{Invite(number, mediaPort, headers: ["Supported: timer", "Session-Expires: 1"])}}
          <recv response="100" optional="true"/>
          <recv response="422">
            <action><ereg regexp="^ *{{minimum}}$" search_in="hdr" header="Min-SE:" check_it="true" assign_to="minimum"/></action>
          </recv>
        {{AckNon2xx(back: 1)}}
          <Reference variables="minimum"/>
        </scenario>
        """;

    /// <summary>
    /// A forward target that grants the switchboard's INVITE a <paramref name="seconds"/> s timer it refreshes itself,
    /// and never does: the switchboard's BYE ends the run.
    /// </summary>
    public static string TargetWhoNeverRefreshes(int seconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="target-never-refreshes">
          <recv request="INVITE" rrs="true">{{ExpectOffer()}}</recv>
        {{Answer("target", "[media_port]", headers: [$"Session-Expires: {seconds};refresher=uas", "Require: timer"])}}
          <recv request="ACK"/>
          <recv request="BYE" timeout="{{seconds * 3000}}"/>
        {{Ok}}
          <pause milliseconds="200"/>
          <Reference variables="offered"/>
        </scenario>
        """;

    /// <summary>
    /// A forward target that leaves the refreshes to the switchboard: it waits for two re-INVITEs, answers them, and
    /// hangs up.
    /// </summary>
    public static string TargetRefreshedBySwitchboard(int seconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="target-refreshed">
          <recv request="INVITE" rrs="true">
            <action>
              <ereg regexp=".*" search_in="hdr" header="From:" assign_to="caller"/>
              <ereg regexp=".*" search_in="hdr" header="To:" assign_to="callee"/>
              <ereg regexp="^ *1800$" search_in="hdr" header="Session-Expires:" check_it="true" assign_to="offered"/>
            </action>
          </recv>
        {{Answer("target", "[media_port]", headers: [$"Session-Expires: {seconds};refresher=uac"])}}
          <recv request="ACK"/>
        {{Refreshed(mediaPort: null, seconds)}}
        {{ByeFromCallee()}}
          <Reference variables="caller,callee,offered,expires,required"/>
        </scenario>
        """;

    /// <summary>
    /// The switchboard's refreshes, each a re-INVITE at half the interval, answered: two of them take the call past
    /// the point where an unrefreshed session would have ended.
    /// </summary>
    private static string Refreshed(int? mediaPort, int seconds) => string.Concat(Enumerable.Repeat($$"""
          <recv request="INVITE" timeout="{{seconds * 3000}}">{{Expect($"{seconds};refresher=uac", requireTimer: false)}}</recv>
        {{InDialogAnswer(mediaPort, $"Session-Expires: {seconds};refresher=uac")}}
          <recv request="ACK"/>

        """, 2));

    /// <summary>Checks the message's Session-Expires (and that Require: timer is there, when <paramref name="requireTimer"/>).</summary>
    private static string Expect(string sessionExpires, bool requireTimer) => $$"""
        <action>
              <ereg regexp="^ *{{sessionExpires}}$" search_in="hdr" header="Session-Expires:" check_it="true" assign_to="expires"/>
              <ereg regexp="{{(requireTimer ? "timer" : ".*")}}" search_in="hdr" header="{{(requireTimer ? "Require:" : "Session-Expires:")}}" check_it="true" assign_to="required"/>
            </action>
        """;

    private static string ExpectOffer() => """
        <action><ereg regexp="^ *1800$" search_in="hdr" header="Session-Expires:" check_it="true" assign_to="offered"/></action>
        """;

    /// <summary>The 200 to a re-INVITE within the dialog: its To already carries the tags, and it answers with the same media.</summary>
    private static string InDialogAnswer(int? mediaPort, string header) => $$"""
          <send retrans="500">
            <![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
              {{header}}
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=sipp 53655765 2353687637 IN IP4 127.0.0.1
              s=-
              c=IN IP4 127.0.0.1
              t=0 0
              m=audio {{(mediaPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "[media_port]")}} RTP/AVP 0 101
              a=rtpmap:0 PCMU/8000
              a=rtpmap:101 telephone-event/8000
              a=sendrecv

            ]]>
          </send>
        """;
}
