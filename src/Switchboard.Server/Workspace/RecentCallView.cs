namespace Switchboard.Server.Workspace;

/// <summary>A call the agent talked on, from the call records: the call, and the agent's (last) part of it.</summary>
/// <param name="QueueId">The queue whose offer the agent answered; null when they were called directly or transferred to.</param>
/// <param name="Result">How the call ended, as the call record says: <c>answeredFromQueue</c>, <c>answeredByUser</c>...; <c>inProgress</c> while it goes on with someone else.</param>
/// <param name="ConnectedAt">When the agent began talking with the caller.</param>
/// <param name="LeftAt">When the agent's part ended.</param>
/// <param name="Ending">How the agent's part ended: <c>hungUp</c>, <c>callerHungUp</c>, <c>transferred</c>, <c>failed</c>, <c>interrupted</c>.</param>
/// <param name="Disposition">The disposition the agent chose at wrap-up; null before (or without) one.</param>
/// <param name="WrappedUpAt">When the agent saved their wrap-up; null before.</param>
public sealed record RecentCallView(
    Guid CallId,
    string? CallerNumber,
    Guid? QueueId,
    string? QueueName,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    string Result,
    DateTimeOffset ConnectedAt,
    DateTimeOffset LeftAt,
    string Ending,
    string? Disposition,
    DateTimeOffset? WrappedUpAt);
