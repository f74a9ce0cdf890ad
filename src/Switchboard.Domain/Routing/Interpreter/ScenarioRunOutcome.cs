namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>How a call's walk through its scenarios ended; the call record stores it.</summary>
public abstract record ScenarioRunOutcome;

/// <summary>An agent took the call from a queue; the call is theirs now.</summary>
public sealed record AnsweredFromQueue(Guid QueueId, Guid AgentId) : ScenarioRunOutcome;

/// <summary>A called user answered.</summary>
public sealed record AnsweredByUser(Guid UserId) : ScenarioRunOutcome;

/// <summary>The call was handed to <see cref="Destination"/> (E.164 number or SIP URI).</summary>
public sealed record Forwarded(string Destination) : ScenarioRunOutcome;

/// <summary>Routing hung the call up, for <see cref="Reason"/>.</summary>
public sealed record HungUp(HangupReason Reason) : ScenarioRunOutcome;

/// <summary>The caller hung up before routing was done.</summary>
public sealed record CallerHungUp : ScenarioRunOutcome;
