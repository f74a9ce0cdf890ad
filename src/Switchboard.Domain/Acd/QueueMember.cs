namespace Switchboard.Domain.Acd;

/// <summary>
/// An agent's membership of a queue. Lower levels are tried first; within a level, lower positions first
/// (for strategies that respect order).
/// </summary>
public sealed record QueueMember(Guid UserId, int Level, int Position);
