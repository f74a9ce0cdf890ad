namespace Switchboard.Domain.Acd;

/// <summary>A waiting call ringing one agent.</summary>
internal sealed record Offer(OfferId Id, WaitingCall Call, AgentState Agent);
