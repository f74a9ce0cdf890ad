namespace Switchboard.Data;

/// <summary>
/// One line of the queue event log: a fact the ACD published (a call entered, was offered, answered, left; an
/// agent's status, activity or reachability changed), appended as it happened and never changed afterwards.
/// </summary>
public sealed class QueueEventRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>
    /// The event's place in the log, increasing in the order the ACD published: events of one instant share
    /// <see cref="At"/>, so this, not the time, is the order to replay the log in.
    /// </summary>
    public long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The event's type in camelCase, as the realtime API names it: <c>callOffered</c>, <c>agentStatusChanged</c>...</summary>
    public required string Kind { get; init; }

    /// <summary>Null for events about an agent alone.</summary>
    public Guid? QueueId { get; init; }

    public Guid? CallId { get; init; }

    public Guid? AgentId { get; init; }

    public long? OfferId { get; init; }

    /// <summary>The rest of the event (outcome, reason, wait, status...) as a JSON object.</summary>
    public required string Detail { get; init; }
}
