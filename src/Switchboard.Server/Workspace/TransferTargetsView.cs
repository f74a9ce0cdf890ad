namespace Switchboard.Server.Workspace;

/// <summary>Where the agent may send a call on: the other users (with their live state) and the queues.</summary>
public sealed record TransferTargetsView(IReadOnlyList<TransferUserView> Users, IReadOnlyList<TransferQueueView> Queues);
