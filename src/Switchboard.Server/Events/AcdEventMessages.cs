using Switchboard.Domain.Acd;

namespace Switchboard.Server.Events;

/// <summary>The ACD's events as the events socket and the queue event log write them.</summary>
public static class AcdEventMessages
{
    public static EventMessage From(AcdEvent acdEvent) => acdEvent switch
    {
        CallEnteredQueue e => new CallEnteredQueueMessage(e.At, e.QueueId, e.CallId, e.Priority, e.Position),
        CallOffered e => new CallOfferedMessage(e.At, e.QueueId, e.CallId, e.AgentId, e.OfferId.Value),
        OfferRefused e => new OfferRefusedMessage(e.At, e.QueueId, e.CallId, e.AgentId, e.OfferId.Value),
        OfferNotAnswered e => new OfferNotAnsweredMessage(e.At, e.QueueId, e.CallId, e.AgentId, e.OfferId.Value),
        OfferCancelled e => new OfferCancelledMessage(e.At, e.QueueId, e.CallId, e.AgentId, e.OfferId.Value, e.Reason),
        OfferAnswered e => new OfferAnsweredMessage(e.At, e.QueueId, e.CallId, e.AgentId, e.OfferId.Value, e.Outcome, Seconds(e.Waited)),
        CallAbandoned e => new CallAbandonedMessage(e.At, e.QueueId, e.CallId, e.Outcome, Seconds(e.Waited)),
        CallTimedOut e => new CallTimedOutMessage(e.At, e.QueueId, e.CallId, e.Outcome, Seconds(e.Waited)),
        CallWithdrawn e => new CallWithdrawnMessage(e.At, e.QueueId, e.CallId, e.Outcome, Seconds(e.Waited)),
        CallRefused e => new CallRefusedMessage(e.At, e.QueueId, e.CallId, e.Outcome, Seconds(e.Waited), e.Reason),
        AgentStatusChanged e => new AgentStatusChangedMessage(e.At, e.AgentId, e.Status, e.Reason),
        AgentActivityChanged e => new AgentActivityChangedMessage(e.At, e.AgentId, e.Activity),
        AgentReachabilityChanged e => new AgentReachabilityChangedMessage(e.At, e.AgentId, e.Reachable),
        _ => throw new ArgumentException($"Unknown ACD event {acdEvent.GetType().Name}.", nameof(acdEvent)),
    };

    private static double Seconds(TimeSpan waited) => Math.Round(waited.TotalSeconds, 3);
}
