using Switchboard.Telephony;

namespace Switchboard.Server.Events;

// The calls that ring or connect a user (an agent's offers, a direct call, a transfer), as telephony tells them:
// the desk rings and follows the call from these. AgentId is the user.

/// <summary>One of these, about one user's part in one call.</summary>
public interface IUserCallEventMessage : IAgentEventMessage
{
    Guid CallId { get; }
}

/// <summary>
/// The user is rung for a call: an ACD offer (<paramref name="OfferId"/> and <paramref name="QueueId"/> set) or a
/// direct call or transfer. It rings for <paramref name="RingSeconds"/>; with <paramref name="Webphone"/> the
/// user's desk itself rings and answers, otherwise their SIP phone. Facts not known are left out.
/// </summary>
public sealed record CallRingingMessage(
    DateTimeOffset At,
    Guid CallId,
    Guid AgentId,
    Guid? QueueId,
    long? OfferId,
    string? CallerNumber,
    string? CallerName,
    string? QueueName,
    long RingSeconds,
    DateTimeOffset? WaitingSince,
    bool Webphone) : EventMessage(At), IUserCallEventMessage;

/// <summary>The user's ringing for the call stopped, for <paramref name="Reason"/>.</summary>
public sealed record RingingStoppedMessage(DateTimeOffset At, Guid CallId, Guid AgentId, RingingStopReason Reason)
    : EventMessage(At), IUserCallEventMessage;

/// <summary>The user is connected to the caller.</summary>
public sealed record CallConnectedMessage(DateTimeOffset At, Guid CallId, Guid AgentId)
    : EventMessage(At), IUserCallEventMessage;

/// <summary>The user put the caller on hold (<paramref name="Held"/>) or took them off it.</summary>
public sealed record CallHeldMessage(DateTimeOffset At, Guid CallId, Guid AgentId, bool Held)
    : EventMessage(At), IUserCallEventMessage;

/// <summary>The user's part in the call ended, for <paramref name="Reason"/>.</summary>
public sealed record CallLeftMessage(DateTimeOffset At, Guid CallId, Guid AgentId, UserLeftReason Reason)
    : EventMessage(At), IUserCallEventMessage;

/// <summary>
/// The whole call the user talked on is over (every party gone) with <paramref name="Result"/>, and its record is
/// being written: one to each user who talked on it, after their <c>callLeft</c>.
/// </summary>
public sealed record CallFinishedMessage(DateTimeOffset At, Guid CallId, Guid AgentId, CallResult Result)
    : EventMessage(At), IUserCallEventMessage;
