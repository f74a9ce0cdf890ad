using static Switchboard.Testing.Peers.SippMessages;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>sipp callers of the workspace tests; the caller's number is <see cref="CallerNumber"/>.</summary>
public static class CallerScenarios
{
    public const string CallerNumber = "+14155550123";

    /// <summary>Calls <paramref name="number"/> (E.164) with its media at <paramref name="mediaPort"/> and stays until the switchboard hangs up.</summary>
    public static string UntilServerHangsUp(string number, int mediaPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="until-server-bye">
        {{Invite(number[1..], mediaPort, fromUser: CallerNumber)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack()}}
          <recv request="BYE"/>
        {{Ok}}
          <pause milliseconds="200"/>
        </scenario>
        """;

    /// <summary>Calls and hangs up before anyone answers: queue calls are answered with music first, so BYE after the 200.</summary>
    public static string HangsUpWhileRinging(string number, int ringMilliseconds) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller-gives-up">
        {{Invite(number[1..], 40000, fromUser: CallerNumber)}}
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
        {{Ack()}}
          <pause milliseconds="{{ringMilliseconds}}"/>
        {{Bye(2)}}
          <recv response="200"/>
        </scenario>
        """;
}
