namespace Switchboard.Domain.Acd;

/// <summary>A call's (or another work item's) stay in one queue, from arrival until it is answered or leaves.</summary>
/// <param name="Entry">Unique and increasing: the arrival order, and the identity of this stay for its timer.</param>
internal sealed class WaitingCall(Guid callId, WorkKind kind, QueueState queue, int priority, DateTimeOffset arrivedAt, long entry)
{
    public Guid CallId { get; } = callId;

    public WorkKind Kind { get; } = kind;

    public QueueState Queue { get; } = queue;

    public int Priority { get; } = priority;

    public DateTimeOffset ArrivedAt { get; } = arrivedAt;

    public long Entry { get; } = entry;

    /// <summary>The queue's priority when the call was last placed in the cross-queue order.</summary>
    public int QueuePriority { get; set; } = queue.Settings.Priority;

    /// <summary>At most one, except under ring-all.</summary>
    public List<Offer> Offers { get; } = [];

    // Agents who refused this call or let it ring out: others are preferred for it. Made at the first such agent.
    private HashSet<Guid>? _triedAgents;

    public void Tried(Guid agentId) => (_triedAgents ??= []).Add(agentId);

    public bool WasTriedBy(Guid agentId) => _triedAgents?.Contains(agentId) == true;
}
