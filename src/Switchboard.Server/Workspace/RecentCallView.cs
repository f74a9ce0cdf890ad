namespace Switchboard.Server.Workspace;

/// <summary>A call the agent talked on, from the call records.</summary>
/// <param name="Result">How the call ended, as the call record says: <c>answeredFromQueue</c>, <c>answeredByUser</c>...</param>
/// <param name="Disposition">The disposition the agent chose at wrap-up; null before (or without) one.</param>
public sealed record RecentCallView(
    Guid CallId,
    string? CallerNumber,
    Guid? QueueId,
    string? QueueName,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    string Result,
    string? Disposition);
