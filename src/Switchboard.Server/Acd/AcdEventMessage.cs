using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.Acd;

/// <summary>
/// An ACD event as integrations and the workspace read it, and as the queue event log stores it:
/// <c>{"type":"callOffered","at":...,"queueId":...,"callId":...,"agentId":...,"offerId":...}</c> plus the event's
/// own facts (status, activity, reason, outcome, waitedSeconds...) at the same level.
/// </summary>
public sealed class AcdEventMessage
{
    private AcdEventMessage(AcdEvent acdEvent)
    {
        Type = JsonNamingPolicy.CamelCase.ConvertName(acdEvent.GetType().Name);
        At = acdEvent.At;
    }

    /// <summary>The event's name in camelCase: <c>callEnteredQueue</c>, <c>agentStatusChanged</c>...</summary>
    public string Type { get; }

    public DateTimeOffset At { get; }

    public Guid? QueueId { get; private init; }

    public Guid? CallId { get; private init; }

    public Guid? AgentId { get; private init; }

    public long? OfferId { get; private init; }

    [JsonExtensionData]
    public Dictionary<string, object> Detail { get; } = [];

    public static AcdEventMessage From(AcdEvent acdEvent) => acdEvent switch
    {
        CallEnteredQueue entered => new(entered)
        {
            QueueId = entered.QueueId,
            CallId = entered.CallId,
            Detail = { ["priority"] = entered.Priority, ["position"] = entered.Position },
        },
        CallOffered offered => new(offered)
        {
            QueueId = offered.QueueId, CallId = offered.CallId, AgentId = offered.AgentId, OfferId = offered.OfferId.Value,
        },
        OfferRefused refused => new(refused)
        {
            QueueId = refused.QueueId, CallId = refused.CallId, AgentId = refused.AgentId, OfferId = refused.OfferId.Value,
        },
        OfferNotAnswered notAnswered => new(notAnswered)
        {
            QueueId = notAnswered.QueueId, CallId = notAnswered.CallId, AgentId = notAnswered.AgentId, OfferId = notAnswered.OfferId.Value,
        },
        OfferCancelled cancelled => new(cancelled)
        {
            QueueId = cancelled.QueueId,
            CallId = cancelled.CallId,
            AgentId = cancelled.AgentId,
            OfferId = cancelled.OfferId.Value,
            Detail = { ["reason"] = cancelled.Reason },
        },
        CallLeftQueue left => LeftQueue(left),
        AgentStatusChanged status => new(status) { AgentId = status.AgentId, Detail = { ["status"] = status.Status, ["reason"] = status.Reason } },
        AgentActivityChanged activity => new(activity) { AgentId = activity.AgentId, Detail = { ["activity"] = activity.Activity } },
        AgentReachabilityChanged reachability => new(reachability) { AgentId = reachability.AgentId, Detail = { ["reachable"] = reachability.Reachable } },
        _ => throw new ArgumentException($"Unknown ACD event {acdEvent.GetType().Name}.", nameof(acdEvent)),
    };

    private static AcdEventMessage LeftQueue(CallLeftQueue left)
    {
        var answered = left as OfferAnswered;
        var message = new AcdEventMessage(left)
        {
            QueueId = left.QueueId,
            CallId = left.CallId,
            AgentId = answered?.AgentId,
            OfferId = answered?.OfferId.Value,
            Detail = { ["outcome"] = left.Outcome, ["waitedSeconds"] = Math.Round(left.Waited.TotalSeconds, 3) },
        };
        if (left is CallRefused refused)
            message.Detail["reason"] = refused.Reason;
        return message;
    }
}
