namespace Switchboard.Data;

/// <summary>One user who talked to the caller on a call (<see cref="CallRecord.Agents"/>), in the order they did.</summary>
public sealed class CallRecordAgent
{
    public Guid CallId { get; init; }

    /// <summary>0 for the first user who talked to the caller, 1 for the next (after a transfer)...</summary>
    public required int Position { get; init; }

    public required Guid UserId { get; init; }

    public required DateTimeOffset ConnectedAt { get; init; }

    public required DateTimeOffset LeftAt { get; init; }

    /// <summary>
    /// How their part ended in camelCase: <c>hungUp</c>, <c>callerHungUp</c>, <c>transferred</c>, <c>failed</c>;
    /// <c>unknown</c> for the calls recorded before agents were (then the times are the call's answer and end).
    /// </summary>
    public required string Ending { get; init; }
}
