using Switchboard.Domain.Acd;

namespace Switchboard.Server.Workspace;

/// <summary>A user a call may be transferred to, and whether they could take it now.</summary>
public sealed record TransferUserView(Guid Id, string Name, AgentStatus Status, AgentActivity Activity, bool Reachable);
