namespace Switchboard.Domain.Acd;

/// <summary>An available agent together with their membership of the queue being served.</summary>
internal readonly record struct Candidate(QueueMember Member, AgentState Agent);
