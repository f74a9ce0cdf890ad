namespace Switchboard.Domain.Acd;

/// <summary>A fact about queues and agents, for the UI, supervision and the queue event log.</summary>
public abstract record AcdEvent(DateTimeOffset At) : AcdOutput;

/// <summary>The call joined the queue at <paramref name="Position"/> (1 = next to be served).</summary>
public sealed record CallEnteredQueue(DateTimeOffset At, Guid CallId, Guid QueueId, int Priority, int Position) : AcdEvent(At);

public sealed record CallOffered(DateTimeOffset At, Guid CallId, Guid QueueId, Guid AgentId, OfferId OfferId) : AcdEvent(At);

public sealed record OfferRefused(DateTimeOffset At, Guid CallId, Guid QueueId, Guid AgentId, OfferId OfferId) : AcdEvent(At);

/// <summary>The offer rang out or could not ring.</summary>
public sealed record OfferNotAnswered(DateTimeOffset At, Guid CallId, Guid QueueId, Guid AgentId, OfferId OfferId) : AcdEvent(At);

/// <summary>The ACD withdrew the offer; the agent is not to blame.</summary>
public sealed record OfferCancelled(DateTimeOffset At, Guid CallId, Guid QueueId, Guid AgentId, OfferId OfferId, OfferCancelReason Reason)
    : AcdEvent(At);

/// <summary>The call's stay in the queue ended. Each call that arrives gets exactly one of these.</summary>
public abstract record CallLeftQueue(DateTimeOffset At, Guid CallId, Guid QueueId, CallOutcome Outcome, TimeSpan Waited) : AcdEvent(At);

/// <summary>The agent accepted: the call leaves the queue and is connected to them.</summary>
public sealed record OfferAnswered(DateTimeOffset At, Guid CallId, Guid QueueId, Guid AgentId, OfferId OfferId, TimeSpan Waited)
    : CallLeftQueue(At, CallId, QueueId, CallOutcome.Answered, Waited);

public sealed record CallAbandoned(DateTimeOffset At, Guid CallId, Guid QueueId, TimeSpan Waited)
    : CallLeftQueue(At, CallId, QueueId, CallOutcome.Abandoned, Waited);

/// <summary>The maximum wait passed; the scenario falls through.</summary>
public sealed record CallTimedOut(DateTimeOffset At, Guid CallId, Guid QueueId, TimeSpan Waited)
    : CallLeftQueue(At, CallId, QueueId, CallOutcome.TimedOut, Waited);

/// <summary>The queue refused the call on arrival; the scenario falls through.</summary>
public sealed record CallRefused(DateTimeOffset At, Guid CallId, Guid QueueId, RefusalReason Reason)
    : CallLeftQueue(At, CallId, QueueId, OutcomeOf(Reason), TimeSpan.Zero)
{
    internal static CallOutcome OutcomeOf(RefusalReason reason) => reason switch
    {
        RefusalReason.QueueFull => CallOutcome.RefusedQueueFull,
        RefusalReason.NoReadyAgent => CallOutcome.RefusedNoReadyAgent,
        _ => CallOutcome.RefusedUnknownQueue,
    };
}

/// <summary>The queue was removed while the call waited; the scenario falls through.</summary>
public sealed record CallWithdrawn(DateTimeOffset At, Guid CallId, Guid QueueId, TimeSpan Waited)
    : CallLeftQueue(At, CallId, QueueId, CallOutcome.QueueRemoved, Waited);

public sealed record AgentStatusChanged(DateTimeOffset At, Guid AgentId, AgentStatus Status, StatusChangeReason Reason) : AcdEvent(At);

public sealed record AgentActivityChanged(DateTimeOffset At, Guid AgentId, AgentActivity Activity) : AcdEvent(At);

public sealed record AgentReachabilityChanged(DateTimeOffset At, Guid AgentId, bool Reachable) : AcdEvent(At);
