namespace Switchboard.Server.Calls;

/// <summary>A user's part in a call: when they talked, how it ended for them, and their wrap-up (null before or without one).</summary>
/// <param name="Ending"><c>hungUp</c>, <c>callerHungUp</c>, <c>transferred</c>, <c>failed</c>; <c>inProgress</c> while they talk, <c>interrupted</c> when the server stopped under the call, <c>unknown</c> for old records.</param>
public sealed record CallAgentView(
    Guid UserId,
    string Name,
    DateTimeOffset ConnectedAt,
    DateTimeOffset LeftAt,
    int TalkedSeconds,
    string Ending,
    string? Disposition,
    string? Notes,
    DateTimeOffset? WrappedUpAt);
