using Switchboard.Testing.Peers;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>sipp callers of the workspace tests (<see cref="SippCallerScenarios"/>); the caller's number is <see cref="CallerNumber"/>.</summary>
public static class CallerScenarios
{
    public const string CallerNumber = "+14155550123";

    /// <summary>Calls <paramref name="number"/> (E.164) with its media at <paramref name="mediaPort"/> and stays until the switchboard hangs up.</summary>
    public static string UntilServerHangsUp(string number, int mediaPort) =>
        SippCallerScenarios.CallUntilServerHangsUp(number[1..], mediaPort, fromUser: CallerNumber);

    /// <summary>Calls and hangs up before anyone answers: queue calls are answered with music first, so BYE after the 200.</summary>
    public static string HangsUpWhileRinging(string number, int ringMilliseconds) =>
        SippCallerScenarios.CallAndHangUp(number[1..], 40000, ringMilliseconds, fromUser: CallerNumber);
}
