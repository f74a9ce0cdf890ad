namespace Switchboard.Domain.Acd;

/// <summary>One agent's live state, owned by <see cref="AcdCore"/>.</summary>
internal sealed class AgentState(Guid id, DateTimeOffset now)
{
    public Guid Id { get; } = id;

    /// <summary>Agents start Not available until they choose otherwise.</summary>
    public AgentStatus Status { get; set; } = AgentStatus.NotAvailable;

    public bool Reachable { get; set; }

    /// <summary>On a call the ACD did not give them (a direct call, a transfer).</summary>
    public bool BusyElsewhere { get; set; }

    public AgentActivity Activity { get; set; } = AgentActivity.Idle;

    public Offer? Offer { get; set; }

    public ConnectedCall? Call { get; set; }

    public DateTimeOffset IdleSince { get; set; } = now;

    /// <summary>Set during wrap-up or the pause after a refused or unanswered offer; cleared by its timer.</summary>
    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary>Tells the current pause's timer from those of earlier pauses.</summary>
    public long PauseGeneration { get; set; }

    public int UnansweredInARow { get; set; }

    /// <summary>The queues the agent is a member of: the ones whose counts change with the agent's state.</summary>
    public List<Membership> Memberships { get; } = [];

    /// <summary>Whether the agent is counted among their queues' Ready agents now.</summary>
    public bool CountedReady { get; set; }

    /// <summary>Whether the agent is listed among their queues' available members now.</summary>
    public bool CountedAvailable { get; set; }

    public bool IsReady => Status == AgentStatus.Ready && Reachable;

    private DateOnly _countersDay;
    private int _answered;
    private TimeSpan _talkTime;

    public bool CanTakeOffer =>
        IsReady && !BusyElsewhere && Activity == AgentActivity.Idle && Offer is null && Call is null && PausedUntil is null;

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
