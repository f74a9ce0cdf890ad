namespace Switchboard.Server.Calls;

/// <summary>
/// One call as it happened, from its record and the queue event log: who called which number, when it was answered
/// and ended and how, the path it took (queues, offers, agents, transfers), each agent's part with their wrap-up, and
/// the contacts it is bound to.
/// </summary>
/// <param name="Result">How the call ended, as its record says: <c>answeredFromQueue</c>, <c>callerHungUp</c>...,
/// <c>inProgress</c> while it lasts, <c>interrupted</c> when the server stopped under it.</param>
/// <param name="ResultDetail">Why, in words, for refusals, failures and interruptions; null otherwise.</param>
/// <param name="TalkedSeconds">From the answer to the end; null when nobody answered.</param>
/// <param name="Path">Everything that happened to the call, in order.</param>
/// <param name="Agents">Every user who talked to the caller, in the order they did.</param>
/// <param name="Contacts">The contacts whose timeline holds the call (usually one, or none).</param>
public sealed record CallDetailView(
    Guid Id,
    string? CallerNumber,
    string DialledNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    string Result,
    string? ResultDetail,
    Guid? QueueId,
    string? QueueName,
    int? TalkedSeconds,
    IReadOnlyList<CallStepView> Path,
    IReadOnlyList<CallAgentView> Agents,
    IReadOnlyList<CallTransferView> Transfers,
    IReadOnlyList<CallContactView> Contacts);
