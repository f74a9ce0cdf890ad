namespace Switchboard.Data;

/// <summary>One user who talked to the caller on a call (<see cref="CallRecord.Agents"/>), in the order they did.</summary>
public sealed class CallRecordAgent
{
    /// <summary>The <see cref="Ending"/> of a part still going on: the user is talking with the caller (or holding them).</summary>
    public const string InProgress = "inProgress";

    /// <summary>The <see cref="Ending"/> of a part the server stopped under (a crash, a kill): how it would have ended is unknown.</summary>
    public const string Interrupted = "interrupted";

    public Guid CallId { get; init; }

    /// <summary>0 for the first user who talked to the caller, 1 for the next (after a transfer)...</summary>
    public required int Position { get; init; }

    public required Guid UserId { get; init; }

    /// <summary>The queue whose offer the user answered, whose dispositions their wrap-up offers; null when they were called directly or transferred to.</summary>
    public Guid? QueueId { get; set; }

    public required DateTimeOffset ConnectedAt { get; init; }

    /// <summary>When they left; while the part is <see cref="InProgress"/> (and when <see cref="Interrupted"/>), when they connected.</summary>
    public required DateTimeOffset LeftAt { get; set; }

    /// <summary>
    /// How their part ended in camelCase: <c>hungUp</c>, <c>callerHungUp</c>, <c>transferred</c>, <c>failed</c>;
    /// <see cref="InProgress"/> while it goes on, <see cref="Interrupted"/> when the server stopped under it;
    /// <c>unknown</c> for the calls recorded before agents were (then the times are the call's answer and end).
    /// </summary>
    public required string Ending { get; set; }

    /// <summary>The result code the agent chose at wrap-up, spelt as their queue lists it; null when none.</summary>
    public string? Disposition { get; set; }

    /// <summary>What the agent wrote at wrap-up; null when nothing.</summary>
    public string? Notes { get; set; }

    /// <summary>When the agent last saved their wrap-up of this part; null when they have not.</summary>
    public DateTimeOffset? WrappedUpAt { get; set; }
}
