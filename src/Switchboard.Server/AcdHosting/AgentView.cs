using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>An agent's live state as the workspace and supervision show it.</summary>
/// <param name="SecondsInStatus">Whole seconds since <paramref name="StatusSince"/>.</param>
/// <param name="WrapUpRemainingSeconds">While in wrap-up: whole seconds left, rounded up; otherwise null.</param>
/// <param name="CallId">The call offered to or connected with the agent, if any.</param>
/// <param name="QueueId">The queue that call came from.</param>
public sealed record AgentView(
    Guid Id,
    string Username,
    string Name,
    AgentStatus Status,
    DateTimeOffset StatusSince,
    long SecondsInStatus,
    AgentActivity Activity,
    long? WrapUpRemainingSeconds,
    bool Reachable,
    Guid? CallId,
    Guid? QueueId);
