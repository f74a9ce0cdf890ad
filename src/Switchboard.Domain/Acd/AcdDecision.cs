namespace Switchboard.Domain.Acd;

/// <summary>
/// One output of the ACD (a command, an event or a timer to arm) as a value, written by <see cref="AcdCore"/> into a
/// buffer it reuses, so that deciding allocates nothing. A sink that keeps an output makes its record with
/// <see cref="ToOutput"/> (the command and event records everyone else reads); one that only looks reads the fields.
/// </summary>
/// <remarks>
/// Each kind uses the fields its record has: <see cref="At"/> is the event's time or the timer's due time;
/// <see cref="Duration"/> a ring timeout or a wait; <see cref="Number"/> a call's priority; <see cref="Position"/> its
/// place on entering; <see cref="Code"/> the kind's enum (reason, outcome, status, activity); <see cref="Flag"/> an
/// agent's reachability.
/// </remarks>
public readonly record struct AcdDecision(
    AcdDecisionKind Kind,
    DateTimeOffset At,
    Guid CallId,
    Guid QueueId,
    Guid AgentId,
    OfferId OfferId,
    TimeSpan Duration = default,
    int Number = 0,
    int Position = 0,
    int Code = 0,
    bool Flag = false,
    AcdTimer Timer = default)
{
    public bool IsCommand => Kind <= AcdDecisionKind.LeaveQueue;

    public bool IsEvent => Kind is > AcdDecisionKind.LeaveQueue and < AcdDecisionKind.ScheduleTimer;

    /// <summary>How the call's stay ended, for the kinds that end one (answered, abandoned, timed out, refused, withdrawn).</summary>
    public CallOutcome? StayOutcome => Kind switch
    {
        AcdDecisionKind.OfferAnswered => CallOutcome.Answered,
        AcdDecisionKind.CallAbandoned => CallOutcome.Abandoned,
        AcdDecisionKind.CallTimedOut => CallOutcome.TimedOut,
        AcdDecisionKind.CallRefused => CallRefused.OutcomeOf((RefusalReason)Code),
        AcdDecisionKind.CallWithdrawn => CallOutcome.QueueRemoved,
        _ => null,
    };

    /// <summary>The record this decision stands for.</summary>
    public AcdOutput ToOutput() => Kind switch
    {
        AcdDecisionKind.OfferCall => new OfferCall(CallId, AgentId, OfferId, Duration),
        AcdDecisionKind.CancelOffer => new CancelOffer(OfferId, CallId, AgentId, (OfferCancelReason)Code),
        AcdDecisionKind.ConnectCall => new ConnectCall(CallId, AgentId, OfferId),
        AcdDecisionKind.LeaveQueue => new LeaveQueue(CallId, (CallOutcome)Code),
        AcdDecisionKind.CallEnteredQueue => new CallEnteredQueue(At, CallId, QueueId, Number, Position),
        AcdDecisionKind.CallOffered => new CallOffered(At, CallId, QueueId, AgentId, OfferId),
        AcdDecisionKind.OfferRefused => new OfferRefused(At, CallId, QueueId, AgentId, OfferId),
        AcdDecisionKind.OfferNotAnswered => new OfferNotAnswered(At, CallId, QueueId, AgentId, OfferId),
        AcdDecisionKind.OfferCancelled => new OfferCancelled(At, CallId, QueueId, AgentId, OfferId, (OfferCancelReason)Code),
        AcdDecisionKind.OfferAnswered => new OfferAnswered(At, CallId, QueueId, AgentId, OfferId, Duration),
        AcdDecisionKind.CallAbandoned => new CallAbandoned(At, CallId, QueueId, Duration),
        AcdDecisionKind.CallTimedOut => new CallTimedOut(At, CallId, QueueId, Duration),
        AcdDecisionKind.CallRefused => new CallRefused(At, CallId, QueueId, (RefusalReason)Code),
        AcdDecisionKind.CallWithdrawn => new CallWithdrawn(At, CallId, QueueId, Duration),
        AcdDecisionKind.AgentStatusChanged => new AgentStatusChanged(At, AgentId, (AgentStatus)Number, (StatusChangeReason)Code),
        AcdDecisionKind.AgentActivityChanged => new AgentActivityChanged(At, AgentId, (AgentActivity)Code),
        AcdDecisionKind.AgentReachabilityChanged => new AgentReachabilityChanged(At, AgentId, Flag),
        _ => new ScheduleTimer(At, Timer.ToInput()),
    };
}
