namespace Switchboard.Domain.Acd;

/// <param name="Position">1 = the next call this queue serves.</param>
/// <param name="EstimatedWait">
/// How long the call is expected to wait in all, from arrival until answered (<see cref="WaitEstimate"/>); null until
/// the queue has answered a call.
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
