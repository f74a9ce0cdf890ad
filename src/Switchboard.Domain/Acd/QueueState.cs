namespace Switchboard.Domain.Acd;

/// <summary>
/// One queue's settings and live state, owned by <see cref="AcdCore"/>. Its orderings and counts are kept as calls
/// and agents change, never recounted: the waiting calls in serving order (and those among them that ring nobody),
/// the members who could take an offer now in member order, and the counters readers see. The calls ringing nobody
/// and the available members are kept per <see cref="WorkKind"/>: who may take a chat is not who may take a call.
/// </summary>
internal sealed class QueueState
{
    private readonly Queue<TimeSpan> _recentWaits = new();
    private readonly int _recentWaitsKept;
    private long _recentWaitsTicks;
    private readonly List<Candidate>[] _available = [.. WorkKinds.All.Select(_ => new List<Candidate>())];
    private readonly SortedCalls[] _notRinging = [.. WorkKinds.All.Select(_ => new SortedCalls(WaitingCallOrder.WithinQueue))];
    private readonly Dictionary<int, int> _waitingByPriority = [];

    // Waiting calls in arrival order, for the longest wait; a call that left is dropped when it reaches the front.
    private readonly Queue<(long Entry, WaitingCall Call)> _arrivals = new();

    public QueueState(QueueSettings settings, int recentWaitsKept)
    {
        _recentWaitsKept = Math.Max(1, recentWaitsKept);
        Settings = settings;
        MembersInOrder = Order(settings.Members);
        Counters = new QueueCounters(settings.QueueId, recentWaitsKept);
    }

    public QueueSettings Settings { get; private set; }

    public Guid Id => Settings.QueueId;

    /// <summary>By level, then position, then user id, so every choice among members is deterministic.</summary>
    public IReadOnlyList<QueueMember> MembersInOrder { get; private set; }

    /// <summary>Every waiting call, in the order this queue serves them.</summary>
    public SortedCalls Waiting { get; } = new(WaitingCallOrder.WithinQueue);

    /// <summary>The waiting items of this kind that ring nobody now, in serving order: the next to offer is the first.</summary>
    public SortedCalls NotRinging(WorkKind kind) => _notRinging[(int)kind];

    /// <summary>Members who could take an offer of this kind now, in member order.</summary>
    public IReadOnlyList<Candidate> Available(WorkKind kind) => _available[(int)kind];

    public QueueCounters Counters { get; }

    /// <summary>The member offered a call last: round-robin continues after them.</summary>
    public QueueMember? LastOffered { get; set; }

    /// <summary>Set while the queue waits in the core's list of queues that may have a call to offer.</summary>
    public bool MayServe { get; set; }

    public void Configure(QueueSettings settings)
    {
        Settings = settings;
        MembersInOrder = Order(settings.Members);
    }

    public void AddWaiting(WaitingCall call)
    {
        Waiting.Add(call);
        NotRinging(call.Kind).Add(call);
        _waitingByPriority[call.Priority] = _waitingByPriority.GetValueOrDefault(call.Priority) + 1;
        _arrivals.Enqueue((call.Entry, call));
        Counters.WaitingCalls = Waiting.Count;
        if (_arrivals.Count == 1)
            Counters.SetOldestArrival(call.ArrivedAt);
    }

    public void RemoveWaiting(WaitingCall call)
    {
        Waiting.Remove(call);
        NotRinging(call.Kind).Remove(call);
        if (_waitingByPriority[call.Priority] is var left and > 1)
            _waitingByPriority[call.Priority] = left - 1;
        else
            _waitingByPriority.Remove(call.Priority);
        Counters.WaitingCalls = Waiting.Count;
        while (_arrivals.TryPeek(out var oldest) && (oldest.Call.Entry != oldest.Entry || !Waiting.Contains(oldest.Call)))
            _arrivals.Dequeue();
        Counters.SetOldestArrival(_arrivals.TryPeek(out var first) ? first.Call.ArrivedAt : null);
    }

    /// <summary>
    /// The place of a call that just arrived (1 = next served): behind every call of its priority or higher, since
    /// it arrived last. Counted per priority, of which a queue sees a handful, not per call.
    /// </summary>
    public int PositionOfNewest(WaitingCall call)
    {
        var position = 0;
        foreach (var (priority, count) in _waitingByPriority)
        {
            if (priority >= call.Priority)
                position += count;
        }

        return position;
    }

    public void AddAvailable(WorkKind kind, Candidate candidate)
    {
        var available = _available[(int)kind];
        var index = available.BinarySearch(candidate, CandidateOrder.Instance);
        if (index < 0)
            available.Insert(~index, candidate);
        if (kind == WorkKind.Call)
            Counters.AvailableAgents = available.Count;
    }

    public void RemoveAvailable(WorkKind kind, Candidate candidate)
    {
        var available = _available[(int)kind];
        var index = available.BinarySearch(candidate, CandidateOrder.Instance);
        if (index >= 0)
            available.RemoveAt(index);
        if (kind == WorkKind.Call)
            Counters.AvailableAgents = available.Count;
    }

    public void ClearAgents()
    {
        foreach (var available in _available)
            available.Clear();
        Counters.ReadyAgents = 0;
        Counters.AvailableAgents = 0;
        Counters.ClearBusy();
    }

    public void RecordAnsweredWait(TimeSpan waited)
    {
        _recentWaits.Enqueue(waited);
        _recentWaitsTicks += waited.Ticks;
        if (_recentWaits.Count > _recentWaitsKept)
            _recentWaitsTicks -= _recentWaits.Dequeue().Ticks;
        Counters.SetAverageAnsweredWait(TimeSpan.FromTicks(_recentWaitsTicks / _recentWaits.Count));
    }

    /// <summary>A conversation answered from this queue ended after <paramref name="handled"/> (talk and wrap-up).</summary>
    public void RecordHandleTime(TimeSpan handled) => Counters.AddHandleTime(handled);

    private static QueueMember[] Order(IReadOnlyList<QueueMember> members) =>
        [.. members.OrderBy(member => member, MemberOrder.Instance)];

    private sealed class CandidateOrder : IComparer<Candidate>
    {
        public static readonly CandidateOrder Instance = new();

        public int Compare(Candidate x, Candidate y) => MemberOrder.Instance.Compare(x.Member, y.Member);
    }
}
