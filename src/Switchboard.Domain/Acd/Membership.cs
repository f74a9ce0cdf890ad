namespace Switchboard.Domain.Acd;

/// <summary>One queue an agent is a member of, with their membership's level and position there.</summary>
internal readonly record struct Membership(QueueState Queue, QueueMember Member);
