using static Switchboard.Testing.Peers.SippMessages;

namespace Switchboard.Testing.Peers;

/// <summary>
/// Whole sipp caller scenarios made of <see cref="SippMessages"/>: a caller of <c>number</c> (the Request-URI user)
/// whose media is at a port the test listens on, and who is answered.
/// </summary>
public static class SippCallerScenarios
{
    /// <summary>Calls, is answered, and stays on the line until the switchboard hangs up.</summary>
    /// <param name="headers">More header lines of the INVITE, e.g. a carrier's X- headers.</param>
    public static string CallUntilServerHangsUp(string number, int mediaPort, string fromUser = "sipp", IReadOnlyList<string>? headers = null) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-until-bye">
        {{Invite(number, mediaPort, fromUser, headers: headers)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack()}}
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>Calls, is answered, talks for <paramref name="talkMilliseconds"/>, then hangs up with BYE.</summary>
    public static string CallAndHangUp(string number, int mediaPort, int talkMilliseconds, string fromUser = "sipp") => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-bye">
        {{Invite(number, mediaPort, fromUser)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack()}}
          <pause milliseconds="{{talkMilliseconds}}"/>
        {{Bye(2)}}
          <recv response="200"/>
        </scenario>
        """;

    /// <summary>
    /// Calls, is answered, and talks until told to hang up (<see cref="SippHangUpSignal"/>); then hangs up with BYE and
    /// expects 200. Run it with <see cref="SippHangUpSignal.Arguments"/>.
    /// </summary>
    public static string CallAndHangUpWhenTold(string number, int mediaPort, string fromUser = "sipp") => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-bye-when-told">
        {{Invite(number, mediaPort, fromUser)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true">
            <action><ereg regexp=".*" search_in="hdr" header="To:" assign_to="to"/></action>
          </recv>
        {{Ack()}}
          <recv request="INFO"/>
        {{Bye(2, to: "To: [$to]")}}
          <recv response="200"/>
        </scenario>
        """;
}
