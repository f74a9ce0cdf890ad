namespace Switchboard.Data;

/// <summary>A blind transfer of a call (<see cref="CallRecord.Transfers"/>): to exactly one of a user, a queue or a number.</summary>
public sealed class CallRecordTransfer
{
    public Guid CallId { get; init; }

    /// <summary>0 for the call's first transfer, 1 for the next...</summary>
    public required int Position { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The user who transferred the call.</summary>
    public required Guid ByUserId { get; init; }

    public Guid? ToUserId { get; init; }

    public Guid? ToQueueId { get; init; }

    /// <summary>The SIP URI the call was sent to (number@host for a number the outbound trunk takes).</summary>
    public string? ToNumber { get; init; }
}
