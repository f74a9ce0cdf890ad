namespace Switchboard.Domain.Acd;

/// <summary>
/// An immutable copy of a <see cref="DistributionQueue"/>'s settings as the ACD applies them, so that editing the
/// configuration object later cannot change live decisions behind the dispatcher's back.
/// </summary>
public sealed record QueueSettings
{
    public required Guid QueueId { get; init; }

    public required string Name { get; init; }

    public QueueStrategy Strategy { get; init; }

    public int Priority { get; init; }

    public TimeSpan RingTimeout { get; init; }

    /// <summary>Null when calls may wait without limit.</summary>
    public TimeSpan? MaxWait { get; init; }

    /// <summary>0 when the queue takes any number of calls.</summary>
    public int MaxWaitingCalls { get; init; }

    public TimeSpan WrapUp { get; init; }

    /// <summary>0 when unanswered offers never set the agent Not available.</summary>
    public int MaxNoAnswer { get; init; }

    public required IReadOnlyList<QueueMember> Members { get; init; }

    public static QueueSettings From(DistributionQueue queue) => new()
    {
        QueueId = queue.Id,
        Name = queue.Name,
        Strategy = queue.Strategy,
        Priority = queue.Priority,
        RingTimeout = TimeSpan.FromSeconds(Math.Max(1, queue.RingTimeoutSeconds)),
        MaxWait = queue.MaxWaitSeconds > 0 ? TimeSpan.FromSeconds(queue.MaxWaitSeconds) : null,
        MaxWaitingCalls = Math.Max(0, queue.MaxWaitingCalls),
        WrapUp = TimeSpan.FromSeconds(Math.Max(0, queue.WrapUpSeconds)),
        MaxNoAnswer = Math.Max(0, queue.MaxNoAnswer),
        // One membership per agent: a duplicate (which validation refuses) keeps its first entry.
        Members = (queue.Members ?? []).Where(member => member is not null).DistinctBy(member => member.UserId).ToArray(),
    };
}
