namespace Switchboard.Domain.Acd;

/// <summary>An item (a call, a chat) answered from a queue, kept until its conversation ends so the agent's wrap-up can follow.</summary>
/// <param name="WrapUp">The queue's wrap-up when answered: it still applies if the queue changes or goes.</param>
internal sealed record ConnectedCall(Guid CallId, WorkKind Kind, Guid QueueId, AgentState Agent, DateTimeOffset AnsweredAt, TimeSpan WrapUp);
