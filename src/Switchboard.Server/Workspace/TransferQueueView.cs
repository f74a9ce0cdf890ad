namespace Switchboard.Server.Workspace;

/// <summary>A queue a call may be transferred to.</summary>
public sealed record TransferQueueView(Guid Id, string Name);
