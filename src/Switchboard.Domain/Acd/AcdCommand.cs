namespace Switchboard.Domain.Acd;

/// <summary>An instruction for the telephony layer, which owns the calls and their legs.</summary>
public abstract record AcdCommand : AcdOutput;

/// <summary>Ring the agent with this call; report Accept/Refuse/failure with <paramref name="OfferId"/>.</summary>
public sealed record OfferCall(Guid CallId, Guid AgentId, OfferId OfferId, TimeSpan RingTimeout) : AcdCommand;

/// <summary>Stop ringing the agent; the ACD considers the offer over.</summary>
public sealed record CancelOffer(OfferId OfferId, Guid CallId, Guid AgentId, OfferCancelReason Reason) : AcdCommand;

/// <summary>The agent won the call: bridge the caller to the agent.</summary>
public sealed record ConnectCall(Guid CallId, Guid AgentId, OfferId OfferId) : AcdCommand;

/// <summary>
/// The queue took the call on its arrival: it waits now (answered, it may hear the queue's music). Every arrival gets
/// this or, refused, <see cref="LeaveQueue"/>, before any other command for the call.
/// </summary>
public sealed record WaitInQueue(Guid CallId) : AcdCommand;

/// <summary>The call left the queue unanswered: continue its scenario with the next action.</summary>
public sealed record LeaveQueue(Guid CallId, CallOutcome Outcome) : AcdCommand;
