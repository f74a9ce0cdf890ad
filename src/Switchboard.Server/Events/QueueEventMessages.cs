using Switchboard.Domain.Acd;

namespace Switchboard.Server.Events;

// What happens to calls in the queues: the ACD's events, as the events socket and the queue event log carry them.
// Each call that enters a queue leaves it with exactly one of offerAnswered, callAbandoned, callTimedOut,
// callWithdrawn or callRefused, which carry its outcome and how long it waited.

/// <summary>A call joined <paramref name="QueueId"/>, at <paramref name="Position"/> (1 = next to be served).</summary>
public sealed record CallEnteredQueueMessage(DateTimeOffset At, Guid QueueId, Guid CallId, int Priority, int Position)
    : EventMessage(At), IWaitingCountMessage;

/// <summary>The ACD offered the call to an agent; <paramref name="OfferId"/> names this offer in what follows.</summary>
public sealed record CallOfferedMessage(DateTimeOffset At, Guid QueueId, Guid CallId, Guid AgentId, long OfferId)
    : EventMessage(At), IAgentEventMessage;

/// <summary>The agent refused the offer.</summary>
public sealed record OfferRefusedMessage(DateTimeOffset At, Guid QueueId, Guid CallId, Guid AgentId, long OfferId)
    : EventMessage(At), IAgentEventMessage;

/// <summary>The offer rang out or could not ring.</summary>
public sealed record OfferNotAnsweredMessage(DateTimeOffset At, Guid QueueId, Guid CallId, Guid AgentId, long OfferId)
    : EventMessage(At), IAgentEventMessage;

/// <summary>The ACD withdrew the offer, for <paramref name="Reason"/>; the agent is not to blame.</summary>
public sealed record OfferCancelledMessage(DateTimeOffset At, Guid QueueId, Guid CallId, Guid AgentId, long OfferId, OfferCancelReason Reason)
    : EventMessage(At), IAgentEventMessage;

/// <summary>The agent answered: the call leaves the queue (<paramref name="Outcome"/> answered) after waiting <paramref name="WaitedSeconds"/>.</summary>
public sealed record OfferAnsweredMessage(DateTimeOffset At, Guid QueueId, Guid CallId, Guid AgentId, long OfferId, CallOutcome Outcome, double WaitedSeconds)
    : EventMessage(At), IAgentEventMessage, IWaitingCountMessage;

/// <summary>The caller hung up while waiting.</summary>
public sealed record CallAbandonedMessage(DateTimeOffset At, Guid QueueId, Guid CallId, CallOutcome Outcome, double WaitedSeconds)
    : EventMessage(At), IWaitingCountMessage;

/// <summary>The queue's maximum wait passed; the scenario goes on with its next action.</summary>
public sealed record CallTimedOutMessage(DateTimeOffset At, Guid QueueId, Guid CallId, CallOutcome Outcome, double WaitedSeconds)
    : EventMessage(At), IWaitingCountMessage;

/// <summary>The queue was removed while the call waited; the scenario goes on with its next action.</summary>
public sealed record CallWithdrawnMessage(DateTimeOffset At, Guid QueueId, Guid CallId, CallOutcome Outcome, double WaitedSeconds)
    : EventMessage(At), IWaitingCountMessage;

/// <summary>The queue refused the call on arrival, for <paramref name="Reason"/>; the scenario goes on with its next action.</summary>
public sealed record CallRefusedMessage(DateTimeOffset At, Guid QueueId, Guid CallId, CallOutcome Outcome, double WaitedSeconds, RefusalReason Reason)
    : EventMessage(At), IWaitingCountMessage;
