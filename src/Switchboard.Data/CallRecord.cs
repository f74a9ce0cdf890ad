namespace Switchboard.Data;

/// <summary>
/// One call as it happened: who called which number, when it was answered and ended, and how it ended. Written
/// when the call starts (<see cref="InProgress"/>) and completed when it ends; a call still in progress when the
/// server died is closed as <see cref="Interrupted"/> at the next start.
/// </summary>
public sealed class CallRecord
{
    /// <summary>The <see cref="Result"/> of a call that has not ended yet.</summary>
    public const string InProgress = "inProgress";

    /// <summary>The <see cref="Result"/> of a call the server stopped under without ending it (a crash, a kill).</summary>
    public const string Interrupted = "interrupted";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The SIP Call-ID of the caller's leg, to find the call in SIP traces.</summary>
    public required string SipCallId { get; init; }

    /// <summary>The caller's number (or SIP user) as it arrived; null when withheld.</summary>
    public string? CallerNumber { get; init; }

    /// <summary>The number dialled, in E.164 form when it was one of ours, else as it arrived.</summary>
    public required string DialledNumber { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the caller's leg was answered (by a sound, a user or a forward target); null when never.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When the call ended; while it is <see cref="InProgress"/> (and when <see cref="Interrupted"/>), its start.</summary>
    public required DateTimeOffset EndedAt { get; set; }

    /// <summary>
    /// How the call ended in camelCase: <c>answeredByUser</c>, <c>forwarded</c>, <c>callerHungUp</c>, <c>notFound</c>,
    /// <c>failed</c>..., or <see cref="InProgress"/> and <see cref="Interrupted"/>.
    /// </summary>
    public required string Result { get; set; }

    public Guid? QueueId { get; set; }

    /// <summary>Every user who talked to the caller, in order (table <c>call_record_agents</c>); each written when they connect, completed when they leave.</summary>
    public List<CallRecordAgent> Agents { get; init; } = [];

    /// <summary>Every blind transfer of the call, in order (table <c>call_record_transfers</c>); written when the call ends.</summary>
    public List<CallRecordTransfer> Transfers { get; init; } = [];

    /// <summary>Why, in words, for refusals and failures (the status sent, or the error that ended the call); null otherwise.</summary>
    public string? Detail { get; set; }
}
