namespace Switchboard.Domain.Acd;

/// <param name="WaitingCalls">In the order they will be served.</param>
/// <param name="ReadyAgents">Members in status Ready and reachable, whatever they are doing.</param>
/// <param name="AvailableAgents">Members who would be offered a call right now.</param>
public sealed record QueueSnapshot(
    Guid QueueId,
    string Name,
    QueueStrategy Strategy,
    IReadOnlyList<WaitingCallSnapshot> WaitingCalls,
    IReadOnlyList<QueueMember> Members,
    int ReadyAgents,
    int AvailableAgents)
{
    /// <summary>The estimated wait of a call joining now, behind <see cref="WaitingCalls"/>; null until the queue has answered a call.</summary>
    public TimeSpan? EstimatedWaitOfNextCall { get; init; }
}
