namespace Switchboard.Domain.Acd;

/// <summary>One agent's live state, owned by <see cref="AcdCore"/>.</summary>
internal sealed class AgentState(Guid id, DateTimeOffset now, AcdOptions options)
{
    private readonly int[] _capacity = [.. WorkKinds.All.Select(options.CapacityFor)];

    public Guid Id { get; } = id;

    /// <summary>Agents start Not available until they choose otherwise.</summary>
    public AgentStatus Status { get; set; } = AgentStatus.NotAvailable;

    public bool Reachable { get; set; }

    /// <summary>On a call the ACD did not give them (a direct call, a transfer).</summary>
    public bool BusyElsewhere { get; set; }

    public AgentActivity Activity { get; set; } = AgentActivity.Idle;

    public Offer? Offer { get; set; }

    /// <summary>What the agent took from queues and still works on: items of one kind, up to their capacity for it.</summary>
    public List<ConnectedCall> Work { get; } = [];

    public DateTimeOffset IdleSince { get; set; } = now;

    /// <summary>Set during wrap-up or the pause after a refused or unanswered offer; cleared by its timer.</summary>
    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary>Tells the current pause's timer from those of earlier pauses.</summary>
    public long PauseGeneration { get; set; }

    public int UnansweredInARow { get; set; }

    /// <summary>The queues the agent is a member of: the ones whose counts change with the agent's state.</summary>
    public List<Membership> Memberships { get; } = [];

    /// <summary>When the work the agent is busy with began (the first item answered, through wrap-up); null when not busy.</summary>
    public DateTimeOffset? BusySince { get; set; }

    /// <summary>The start of work the agent is counted busy with in their queues' estimates: while Ready and busy.</summary>
    public DateTimeOffset? CountedBusySince { get; set; }

    /// <summary>Whether the agent is counted among their queues' Ready agents now.</summary>
    public bool CountedReady { get; set; }

    /// <summary>By kind: whether the agent is listed among their queues' members available for it now.</summary>
    public bool[] CountedAvailable { get; } = new bool[WorkKinds.All.Length];

    public bool IsReady => Status == AgentStatus.Ready && Reachable;

    private DateOnly _countersDay;
    private int _answered;
    private TimeSpan _talkTime;

    public void SetCapacity(WorkKind kind, int capacity) => _capacity[(int)kind] = Math.Max(0, capacity);

    /// <summary>
    /// Whether the agent may be offered an item of this kind now: Ready, reachable, not busy elsewhere, nothing
    /// ringing, no pause, and either working on nothing or on fewer items of this same kind than their capacity
    /// (one offer rings at a time; an agent works on one kind at a time).
    /// </summary>
    public bool CanTake(WorkKind kind)
    {
        if (!IsReady || BusyElsewhere || Offer is not null || PausedUntil is not null || _capacity[(int)kind] == 0)
            return false;
        return Work.Count == 0
            ? Activity == AgentActivity.Idle
            : Work[0].Kind == kind && Work.Count < _capacity[(int)kind];
    }

    public QueueMember? MemberOf(QueueState queue)
    {
        foreach (var membership in Memberships)
        {
            if (membership.Queue == queue)
                return membership.Member;
        }

        return null;
    }

    public int AnsweredOn(DateOnly day) => day == _countersDay ? _answered : 0;

    public TimeSpan TalkTimeOn(DateOnly day) => day == _countersDay ? _talkTime : TimeSpan.Zero;

    public void CountAnswered(DateOnly day)
    {
        StartDay(day);
        _answered++;
    }

    public void AddTalkTime(DateOnly day, TimeSpan talked)
    {
        StartDay(day);
        _talkTime += talked;
    }

    private void StartDay(DateOnly day)
    {
        if (day == _countersDay)
            return;
        _countersDay = day;
        _answered = 0;
        _talkTime = TimeSpan.Zero;
    }
}
