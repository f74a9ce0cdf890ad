namespace Switchboard.Domain.Acd;

/// <summary>One queue's settings and live waiting list, owned by <see cref="AcdCore"/>.</summary>
internal sealed class QueueState
{
    private readonly Queue<TimeSpan> _recentWaits = new();
    private readonly int _recentWaitsKept;

    public QueueState(QueueSettings settings, int recentWaitsKept)
    {
        _recentWaitsKept = Math.Max(1, recentWaitsKept);
        Settings = settings;
        MembersInOrder = Order(settings.Members);
    }

    public QueueSettings Settings { get; private set; }

    public Guid Id => Settings.QueueId;

    /// <summary>By level, then position, then user id, so every choice among members is deterministic.</summary>
    public IReadOnlyList<QueueMember> MembersInOrder { get; private set; }

    public SortedSet<WaitingCall> Waiting { get; } = new(WaitingCallOrder.WithinQueue);

    /// <summary>The member offered a call last: round-robin continues after them.</summary>
    public QueueMember? LastOffered { get; set; }

    public void Configure(QueueSettings settings)
    {
        Settings = settings;
        MembersInOrder = Order(settings.Members);
    }

    public QueueMember? MemberFor(Guid agentId)
    {
        foreach (var member in MembersInOrder)
        {
            if (member.UserId == agentId)
                return member;
        }

        return null;
    }

    public void RecordAnsweredWait(TimeSpan waited)
    {
        _recentWaits.Enqueue(waited);
        if (_recentWaits.Count > _recentWaitsKept)
            _recentWaits.Dequeue();
    }

    public TimeSpan? EstimatedWait(int position) =>
        _recentWaits.Count == 0
            ? null
            : TimeSpan.FromTicks(_recentWaits.Sum(wait => wait.Ticks) / _recentWaits.Count * position);

    private static QueueMember[] Order(IReadOnlyList<QueueMember> members) =>
        [.. members.OrderBy(member => member, MemberOrder.Instance)];
}
