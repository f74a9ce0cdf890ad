namespace Switchboard.Server.Workspace;

/// <summary>A queue the agent belongs to, with the calls waiting in it now.</summary>
public sealed record WorkspaceQueueView(Guid Id, string Name, int Waiting);
