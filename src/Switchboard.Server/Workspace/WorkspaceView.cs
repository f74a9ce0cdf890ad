using Switchboard.Server.AcdHosting;

namespace Switchboard.Server.Workspace;

/// <summary>What the agent's workspace shows: their live state, their queues, their recent calls and their current call.</summary>
/// <param name="ServerRun">Changes when the server restarts (see <see cref="Workspace.ServerRun"/>).</param>
/// <param name="CurrentCall">The call ringing the agent or the one they talk on; null when there is none.</param>
public sealed record WorkspaceView(
    AgentView Agent,
    IReadOnlyList<WorkspaceQueueView> Queues,
    IReadOnlyList<RecentCallView> RecentCalls,
    Guid ServerRun,
    CurrentCallView? CurrentCall);
