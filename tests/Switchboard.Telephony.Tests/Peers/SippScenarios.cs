using System.Globalization;
using static Switchboard.Testing.Peers.SippCalleeMessages;
using static Switchboard.Testing.Peers.SippMessages;

namespace Switchboard.Telephony.Tests.Peers;

/// <summary>
/// sipp scenarios written for these tests (sipp's keywords in brackets; [branch-N] is the branch of the Nth message
/// back), besides the shared <see cref="SippCallerScenarios"/>: callers whose INVITE offers PCMU, PCMA and
/// telephone-event at a media port the test listens on, and a called party for forwarded calls.
/// </summary>
internal static class SippScenarios
{
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
        {{Ack()}}
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_1.pcap"/></action></nop>
          <pause milliseconds="1500"/>
        {{Reinvite(2, "[media_port]", "sendonly")}}
          <recv response="100" optional="true"/>
          <recv response="200">
            <action><ereg regexp="a=recvonly" search_in="body" check_it="true" assign_to="held"/></action>
          </recv>
        {{Ack(2)}}
        {{Bye(3)}}
          <recv response="200"/>
          <Reference variables="held"/>
        </scenario>
        """;

    /// <summary>
    /// Calls, is answered, puts the call on hold at once with a sendonly re-INVITE, stays silent on hold for
    /// <paramref name="holdMilliseconds"/> (a BYE from the switchboard meanwhile fails the scenario), then hangs up.
    /// </summary>
    public static string CallHoldSilentlyAndHangUp(string number, int mediaPort, int holdMilliseconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="silent-hold">
        {{Invite(number, mediaPort)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack()}}
        {{Reinvite(2, mediaPort.ToString(CultureInfo.InvariantCulture), "sendonly")}}
          <recv response="100" optional="true"/>
          <recv response="200"/>
        {{Ack(2)}}
          <pause milliseconds="{{holdMilliseconds}}"/>
        {{Bye(3)}}
          <recv response="200"/>
        </scenario>
        """;

    /// <summary>Calls, is answered, talks (sipp's G.711 A-law recording, about six seconds, from its own media port) and waits for the switchboard's BYE.</summary>
    public static string CallTalkingUntilServerHangsUp(string number) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="talking-caller">
        {{Invite(number, "[media_port]")}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack()}}
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/g711a.pcap"/></action></nop>
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>
    /// Calls and expects a final <paramref name="status"/> without an answer, which it acknowledges; one that
    /// <paramref name="mayRing"/> may hear ringing first (a user's phone that rings and declines).
    /// </summary>
    /// <param name="headers">More header lines of the INVITE.</param>
    public static string CallRefused(string number, int mediaPort, int status, string fromUser = "sipp", bool mayRing = false,
        IReadOnlyList<string>? headers = null) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="refused">
        {{Invite(number, mediaPort, fromUser, headers: headers)}}
          <recv response="100" optional="true"/>
        {{(mayRing ? """  <recv response="180" optional="true"/>""" : "")}}
          <recv response="{{status}}"/>
        {{AckNon2xx(mayRing ? 4 : 3, fromUser)}}
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
        {{Cancel(number, 3)}}
          <recv response="200"/>
          <recv response="487"/>
        {{AckNon2xx(6)}}
          <pause milliseconds="300"/>
        </scenario>
        """;

    /// <summary>
    /// A device calls as <paramref name="user"/>: challenged with 407, it calls again with sipp's -au/-ap credentials,
    /// is answered, and waits for the server's BYE.
    /// </summary>
    public static string AuthenticatedCallUntilServerHangsUp(string number, int mediaPort, string user) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="device-call">
        {{Invite(number, mediaPort, user)}}
          <recv response="100" optional="true"/>
          <recv response="407" auth="true"/>
        {{AckNon2xx(3, user)}}
        {{Invite(number, mediaPort, user, sequence: 2, authenticated: true)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack(2)}}
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>A device calls as <paramref name="user"/>, is challenged, answers the challenge and expects <paramref name="status"/>.</summary>
    public static string AuthenticatedCallRefused(string number, int mediaPort, string user, int status) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="device-call-refused">
        {{Invite(number, mediaPort, user)}}
          <recv response="100" optional="true"/>
          <recv response="407" auth="true"/>
        {{AckNon2xx(3, user)}}
        {{Invite(number, mediaPort, user, sequence: 2, authenticated: true)}}
          <recv response="100" optional="true"/>
          <recv response="{{status}}"/>
        {{AckNon2xx(3, user, sequence: 2)}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>
    /// The party a call is forwarded to: answers in PCMA, talks (sipp's G.711 A-law recording, about six seconds) and
    /// either waits for the switchboard's BYE or, after <paramref name="hangUpAfterMilliseconds"/>, hangs up itself.
    /// </summary>
    public static string AnswerAndTalk(int? hangUpAfterMilliseconds = null) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="forward-target">
          <recv request="INVITE" rrs="true">
            <action>
              <ereg regexp=".*" search_in="hdr" header="From:" assign_to="caller"/>
              <ereg regexp=".*" search_in="hdr" header="To:" assign_to="callee"/>
            </action>
          </recv>
        {{Ringing("target")}}
        {{Answer("target", "[media_port]", Pcma)}}
          <recv request="ACK"/>
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/g711a.pcap"/></action></nop>
        {{(hangUpAfterMilliseconds is { } milliseconds ? TargetHangsUp(milliseconds) : $"  <recv request=\"BYE\"/>\n{Ok}")}}
          <pause milliseconds="200"/>
          <Reference variables="caller,callee"/>
        </scenario>
        """;

    /// <summary>A forward target that rings (180) for <paramref name="ringMilliseconds"/>, then refuses with <paramref name="status"/>.</summary>
    public static string RingThenRefuse(int ringMilliseconds, int status = 486) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="refusing-target">
          <recv request="INVITE"/>
        {{Ringing("target")}}
          <pause milliseconds="{{ringMilliseconds}}"/>
        {{Reply($"{status} Busy Here", "CSeq: [last_cseq_number] INVITE")}}
          <recv request="ACK"/>
        </scenario>
        """;

    /// <summary>A forward target that answers and sends no audio at all (a phone gone silent), until the switchboard's BYE.</summary>
    public static string AnswerSilently() => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="silent-target">
          <recv request="INVITE" rrs="true"/>
        {{Answer("target", "[media_port]", Pcma)}}
          <recv request="ACK"/>
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    private static string TargetHangsUp(int milliseconds) => $$"""
          <pause milliseconds="{{milliseconds}}"/>
        {{ByeFromCallee()}}
        """;
}
