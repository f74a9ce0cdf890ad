namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>
/// The caller of the workspace tests, played by sipp with a phone number and a <see cref="MediaPeer"/> as its media;
/// the agents' devices run <see cref="SippDeviceScenarios"/>.
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
    public static string CallerUntilServerHangsUp(int mediaPort) => SippCallerScenarios.CallUntilServerHangsUp(Number[1..], mediaPort, CallerUser);

    /// <summary>Calls, is answered (by the queue's music), and hangs up after <paramref name="milliseconds"/>.</summary>
    public static string CallerHangsUpAfter(int mediaPort, int milliseconds) =>
        SippCallerScenarios.CallAndHangUp(Number[1..], mediaPort, milliseconds, CallerUser);
}
