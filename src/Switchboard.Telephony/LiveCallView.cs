using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Telephony;

/// <summary>A live call as the workspace shows it beside the conversation.</summary>
/// <param name="QueueId">The queue the call came through (or waits in); null when it came straight from its scenario.</param>
/// <param name="Users">Every user the call has rung or been connected to so far: the ones who may look at it.</param>
public sealed record LiveCallView(
    Guid CallId,
    string DialledNumber,
    string? CallerNumber,
    string? CallerName,
    DateTimeOffset StartedAt,
    Guid? QueueId,
    IReadOnlyCallVariables Variables,
    IReadOnlyCollection<Guid> Users);
