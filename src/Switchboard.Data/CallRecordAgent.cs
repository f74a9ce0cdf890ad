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

    /// <summary>The result code the agent chose at wrap-up, spelt as their queue lists it; null when none.</summary>
    public string? Disposition { get; set; }

    /// <summary>What the agent wrote at wrap-up; null when nothing.</summary>
    public string? Notes { get; set; }

    /// <summary>When the agent last saved their wrap-up of this part; null when they have not.</summary>
    public DateTimeOffset? WrappedUpAt { get; set; }
}
