namespace Switchboard.Domain.Acd;

/// <summary>Deployment-wide ACD settings (queue-specific ones live on <see cref="DistributionQueue"/>).</summary>
public sealed record AcdOptions
{
    /// <summary>
    /// How long an agent who refused an offer is left alone before the next one, so that the refused call goes
    /// to someone else rather than straight back to them.
    /// </summary>
    public TimeSpan RejectDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an agent who let an offer ring out is left alone before the next one.</summary>
    public TimeSpan NoAnswerDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many recent answered waits and handle times per queue feed the estimated wait (<see cref="WaitEstimate"/>).</summary>
    public int RecentWaitsForEstimate { get; init; } = 20;

    /// <summary>
    /// How many items of each kind an agent works on at once unless told otherwise (<see cref="SetAgentCapacity"/>):
    /// one call; several chats. A kind not listed: one.
    /// </summary>
    public IReadOnlyDictionary<WorkKind, int> Capacity { get; init; } = new Dictionary<WorkKind, int>
    {
        [WorkKind.Call] = 1,
        [WorkKind.Chat] = 3,
        [WorkKind.Outbound] = 1,
    };

    public int CapacityFor(WorkKind kind) => Capacity.GetValueOrDefault(kind, 1);

    /// <summary>The time zone whose midnight resets "today" for the fewest-calls and least-talk-time strategies.</summary>
    public TimeZoneInfo DayTimeZone { get; init; } = TimeZoneInfo.Utc;
}
