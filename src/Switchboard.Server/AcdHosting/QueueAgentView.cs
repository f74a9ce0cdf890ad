using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>A member of the queue with their live state.</summary>
public sealed record QueueAgentView(
    Guid Id,
    string Name,
    AgentStatus Status,
    AgentActivity Activity,
    bool Reachable,
    int Level,
    int Position);
