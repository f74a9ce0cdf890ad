using System.Text.Json.Serialization;

namespace Switchboard.Server.Events;

/// <summary>
/// An event on the events socket (<c>GET /api/v1/events</c>), as integrations and the agent's desk read it, and as
/// the queue event log stores the ACD's: a JSON object whose <c>type</c> names it, with the time it happened
/// (<c>at</c>) and its own typed facts at the same level. Each type is one record below; the socket's JSON Schema
/// (<c>GET /api/v1/events/schema</c>) is made from them and <c>docs/events.md</c> describes them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CallEnteredQueueMessage), "callEnteredQueue")]
[JsonDerivedType(typeof(CallOfferedMessage), "callOffered")]
[JsonDerivedType(typeof(OfferRefusedMessage), "offerRefused")]
[JsonDerivedType(typeof(OfferNotAnsweredMessage), "offerNotAnswered")]
[JsonDerivedType(typeof(OfferCancelledMessage), "offerCancelled")]
[JsonDerivedType(typeof(OfferAnsweredMessage), "offerAnswered")]
[JsonDerivedType(typeof(CallAbandonedMessage), "callAbandoned")]
[JsonDerivedType(typeof(CallTimedOutMessage), "callTimedOut")]
[JsonDerivedType(typeof(CallWithdrawnMessage), "callWithdrawn")]
[JsonDerivedType(typeof(CallRefusedMessage), "callRefused")]
[JsonDerivedType(typeof(AgentStatusChangedMessage), "agentStatusChanged")]
[JsonDerivedType(typeof(AgentActivityChangedMessage), "agentActivityChanged")]
[JsonDerivedType(typeof(AgentReachabilityChangedMessage), "agentReachabilityChanged")]
[JsonDerivedType(typeof(CallRingingMessage), "callRinging")]
[JsonDerivedType(typeof(RingingStoppedMessage), "ringingStopped")]
[JsonDerivedType(typeof(CallConnectedMessage), "callConnected")]
[JsonDerivedType(typeof(CallHeldMessage), "callHeld")]
[JsonDerivedType(typeof(CallLeftMessage), "callLeft")]
[JsonDerivedType(typeof(CallFinishedMessage), "callFinished")]
[JsonDerivedType(typeof(ServerStoppingMessage), "serverStopping")]
public abstract record EventMessage([property: JsonPropertyOrder(-1)] DateTimeOffset At);

/// <summary>An event about one agent (or user): it reaches their desk and their events socket.</summary>
public interface IAgentEventMessage
{
    Guid AgentId { get; }
}

/// <summary>A call entered or left a queue: the queue's members see how many wait.</summary>
public interface IWaitingCountMessage
{
    Guid QueueId { get; }
}

/// <summary>The last event on a socket before the server stops; the socket then closes with 1001 (going away).</summary>
public sealed record ServerStoppingMessage(DateTimeOffset At) : EventMessage(At);
