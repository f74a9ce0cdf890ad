using Switchboard.Domain.Acd;

namespace Switchboard.Server.Events;

// What happens to an agent, as the ACD sees it.

/// <summary>The agent's status (Ready, Back soon, Not available) changed, for <paramref name="Reason"/>.</summary>
public sealed record AgentStatusChangedMessage(DateTimeOffset At, Guid AgentId, AgentStatus Status, StatusChangeReason Reason)
    : EventMessage(At), IAgentEventMessage;

/// <summary>What the agent is doing changed: idle, offered, on a call, in wrap-up.</summary>
public sealed record AgentActivityChangedMessage(DateTimeOffset At, Guid AgentId, AgentActivity Activity)
    : EventMessage(At), IAgentEventMessage;

/// <summary>Whether the agent can be rung changed: a desk opened or closed, a SIP phone registered or expired.</summary>
public sealed record AgentReachabilityChangedMessage(DateTimeOffset At, Guid AgentId, bool Reachable)
    : EventMessage(At), IAgentEventMessage;
