namespace Switchboard.Server.Workspace;

/// <summary>
/// This run of the server. Live state is memory only, so a workspace that finds a new run after reconnecting knows
/// the ACD has forgotten the agent's status and sets it again.
/// </summary>
public sealed class ServerRun
{
    public Guid Id { get; } = Guid.NewGuid();
}
