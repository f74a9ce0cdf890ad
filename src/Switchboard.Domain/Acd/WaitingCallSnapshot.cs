namespace Switchboard.Domain.Acd;

/// <param name="Position">1 = the next call this queue serves.</param>
/// <param name="EstimatedWait">
/// Average wait of the queue's recent answered calls × position; null until the queue has answered a call.
/// </param>
/// <param name="OfferedTo">The agents whose device rings with this call now (several under ring-all).</param>
public sealed record WaitingCallSnapshot(
    Guid CallId,
    Guid QueueId,
    int Priority,
    int Position,
    DateTimeOffset ArrivedAt,
    TimeSpan Waited,
    TimeSpan? EstimatedWait,
    IReadOnlyList<Guid> OfferedTo);
