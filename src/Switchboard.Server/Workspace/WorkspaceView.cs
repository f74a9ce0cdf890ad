using Switchboard.Server.Acd;

namespace Switchboard.Server.Workspace;

/// <summary>What the agent's workspace shows: their live state, their queues and their recent calls.</summary>
/// <param name="ServerRun">Changes when the server restarts (see <see cref="Workspace.ServerRun"/>).</param>
public sealed record WorkspaceView(AgentView Agent, IReadOnlyList<WorkspaceQueueView> Queues, IReadOnlyList<RecentCallView> RecentCalls, Guid ServerRun);
