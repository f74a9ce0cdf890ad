namespace Switchboard.Domain.Acd;

/// <summary>
/// A call's (or another work item's) stay in one queue, from arrival until it is answered or leaves. The core keeps
/// the object of a stay that ended for a later arrival (<see cref="Start"/>), so that deciding allocates nothing.
/// </summary>
internal sealed class WaitingCall
{
    // Agents who refused this call or let it ring out: others are preferred for it. Made at the first such agent.
    private HashSet<Guid>? _triedAgents;

    public Guid CallId { get; private set; }

    public WorkKind Kind { get; private set; }

    public QueueState Queue { get; private set; } = null!;

    public int Priority { get; private set; }

    public DateTimeOffset ArrivedAt { get; private set; }

    /// <summary>Unique and increasing: the arrival order, and the identity of this stay for its timer; 0 once it ended.</summary>
    public long Entry { get; private set; }

    /// <summary>The queue's priority when the call was last placed in the cross-queue order.</summary>
    public int QueuePriority { get; set; }

    /// <summary>At most one, except under ring-all.</summary>
    public List<Offer> Offers { get; } = [];

    public void Start(Guid callId, WorkKind kind, QueueState queue, int priority, DateTimeOffset arrivedAt, long entry)
    {
        CallId = callId;
        Kind = kind;
        Queue = queue;
        Priority = priority;
        ArrivedAt = arrivedAt;
        Entry = entry;
        QueuePriority = queue.Settings.Priority;
    }

    /// <summary>The stay ended: forget it, keeping the lists for the next one.</summary>
    public void Clear()
    {
        Entry = 0;
        Queue = null!;
        Offers.Clear();
        _triedAgents?.Clear();
    }

    public void Tried(Guid agentId) => (_triedAgents ??= []).Add(agentId);

    public bool WasTriedBy(Guid agentId) => _triedAgents?.Contains(agentId) == true;
}
