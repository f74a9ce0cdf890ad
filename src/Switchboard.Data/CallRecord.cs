namespace Switchboard.Data;

/// <summary>
/// One call as it happened, written when it ended: who called which number, when it was answered and ended, and
/// how it ended. Appended once and never changed afterwards.
/// </summary>
public sealed class CallRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The SIP Call-ID of the caller's leg, to find the call in SIP traces.</summary>
    public required string SipCallId { get; init; }

    /// <summary>The caller's number (or SIP user) as it arrived; null when withheld.</summary>
    public string? CallerNumber { get; init; }

    /// <summary>The number dialled, in E.164 form when it was one of ours, else as it arrived.</summary>
    public required string DialledNumber { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the caller's leg was answered (by a sound, a user or a forward target); null when never.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>How the call ended in camelCase: <c>answeredByUser</c>, <c>forwarded</c>, <c>callerHungUp</c>, <c>notFound</c>...</summary>
    public required string Result { get; init; }

    public Guid? QueueId { get; init; }

    /// <summary>The user who talked to the caller, when one did.</summary>
    public Guid? AgentUserId { get; init; }
}
