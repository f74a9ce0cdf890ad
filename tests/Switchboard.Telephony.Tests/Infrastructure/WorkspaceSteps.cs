using Switchboard.Domain.Routing;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>What the workspace tests do: call a queue's number, act as agents do from the workspace, and read what the workspace was told.</summary>
internal static class WorkspaceSteps
{
    // Enough for a listener to be sure: a second of speech.
    private const int Packets = 50;

    /// <summary>What an agent's workspace asks of telephony.</summary>
    public static UserCalls UserCalls(this TelephonyServer server) => server.Telephony.UserCalls;

    /// <summary>The number <see cref="WorkspaceScenarios.Number"/> sends its callers to <paramref name="queueId"/>, and hangs up after.</summary>
    public static Task AddQueueNumberAsync(this TelephonyServer server, Guid queueId) =>
        server.AddNumberAsync(WorkspaceScenarios.Number, new QueueAction(queueId), new HangupAction());

    /// <summary>Starts a sipp caller of the server's number with <paramref name="scenario"/>, without waiting for it.</summary>
    public static Task<RunningSipp> CallAsync(this TelephonyServer server, string scenario, TemporaryDirectory directory) =>
        Sipp.StartAsync(server.SipEndPoint, scenario, "u1", FreePort.Find(), directory);

    /// <summary>Waits until each of the two has heard another second of the other's voice.</summary>
    public static async Task HearEachOtherAsync(MediaPeer caller, MediaPeer agent)
    {
        var (agentHeard, callerHeard) = (agent.Heard(caller), caller.Heard(agent));
        await agent.WaitUntilAsync(peer => peer.Heard(caller) >= agentHeard + Packets, $"heard the caller (who heard: {caller})");
        await caller.WaitUntilAsync(peer => peer.Heard(agent) >= callerHeard + Packets, $"heard the agent (who heard: {agent})");
    }

    /// <summary>What the users' workspaces were told of the call, in order, as lines such as "alice stopped ringing: Refused".</summary>
    public static IReadOnlyList<string> WorkspaceEventsOf(this TelephonyServer server, Guid callId, IReadOnlyDictionary<Guid, string> names) =>
    [
        .. server.Events.Of(callId).Select(callEvent => callEvent switch
        {
            UserRinging ringing => $"{names[ringing.UserId]} ringing",
            UserRingingStopped stopped => $"{names[stopped.UserId]} stopped ringing: {stopped.Reason}",
            UserConnected connected => $"{names[connected.UserId]} connected",
            UserCallHeld { Held: true } held => $"{names[held.UserId]} held the caller",
            UserCallHeld resumed => $"{names[resumed.UserId]} took the caller back",
            UserLeftCall left => $"{names[left.UserId]} left: {left.Reason}",
            _ => null,
        }).OfType<string>(),
    ];
}
