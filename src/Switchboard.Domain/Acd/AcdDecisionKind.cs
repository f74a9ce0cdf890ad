namespace Switchboard.Domain.Acd;

/// <summary>Which output an <see cref="AcdDecision"/> is: each names the record <see cref="AcdDecision.ToOutput"/> builds.</summary>
public enum AcdDecisionKind
{
    OfferCall,
    CancelOffer,
    ConnectCall,
    LeaveQueue,
    CallEnteredQueue,
    CallOffered,
    OfferRefused,
    OfferNotAnswered,
    OfferCancelled,
    OfferAnswered,
    CallAbandoned,
    CallTimedOut,
    CallRefused,
    CallWithdrawn,
    AgentStatusChanged,
    AgentActivityChanged,
    AgentReachabilityChanged,
    ScheduleTimer,
}
