using System.Text.Json;
using System.Text.Json.Serialization;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// An event on the events socket as integrations and the workspace read it, and as the queue event log stores the
/// ACD's: <c>{"type":"callOffered","at":...,"queueId":...,"callId":...,"agentId":...,"offerId":...}</c> plus the
/// event's own facts (status, activity, reason, outcome, waitedSeconds...) at the same level. Besides the ACD's
/// events the socket carries the calls that ring or connect a user (built by the workspace's call event router).
/// </summary>
public sealed class AcdEventMessage
{
    private AcdEventMessage(AcdEvent acdEvent)
        : this(JsonNamingPolicy.CamelCase.ConvertName(acdEvent.GetType().Name), acdEvent.At)
    {
    }

    internal AcdEventMessage(string type, DateTimeOffset at)
    {
        Type = type;
        At = at;
    }

    /// <summary>The event's name in camelCase: <c>callEnteredQueue</c>, <c>agentStatusChanged</c>...</summary>
    public string Type { get; }

    public DateTimeOffset At { get; }

    public Guid? QueueId { get; internal init; }

    public Guid? CallId { get; internal init; }

    public Guid? AgentId { get; internal init; }

    public long? OfferId { get; internal init; }

    /// <summary>A call entered or left <see cref="QueueId"/>: its members' workspaces show the waiting count.</summary>
    [JsonIgnore]
    public bool ChangesWaitingCount { get; private init; }

    [JsonExtensionData]
    public Dictionary<string, object> Detail { get; } = [];

    public static AcdEventMessage From(AcdEvent acdEvent) => acdEvent switch
    {
        CallEnteredQueue entered => new(entered)
        {
            QueueId = entered.QueueId,
            CallId = entered.CallId,
            ChangesWaitingCount = true,
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
            ChangesWaitingCount = true,
            Detail = { ["outcome"] = left.Outcome, ["waitedSeconds"] = Math.Round(left.Waited.TotalSeconds, 3) },
        };
        if (left is CallRefused refused)
            message.Detail["reason"] = refused.Reason;
        return message;
    }
}
