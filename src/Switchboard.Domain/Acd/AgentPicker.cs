namespace Switchboard.Domain.Acd;

/// <summary>
/// Chooses who is offered a waiting call, by the queue's strategy. Agents who already refused the call or let it
/// ring out are passed over while anyone else is available. Then the lowest level that has an available agent
/// is used, and the strategy chooses within it; ties go to the member order (position, then user id).
/// </summary>
/// <remarks>
/// It reads the queue's available members in place (kept in member order by the core), so a choice costs one or
/// two passes over the members available now and allocates nothing.
/// </remarks>
internal static class AgentPicker
{
    /// <param name="available">Available members of the call's queue, in member order; not empty.</param>
    public static Candidate PickOne(WaitingCall call, IReadOnlyList<Candidate> available, DateOnly today, Random random)
    {
        var pool = new Pool(call, available);
        return call.Queue.Settings.Strategy switch
        {
            QueueStrategy.RoundRobin => AfterLastOffered(pool, call.Queue.LastOffered),
            QueueStrategy.LongestIdle => Least(pool, static (a, b, _) => a.Agent.IdleSince.CompareTo(b.Agent.IdleSince), today),
            QueueStrategy.FewestCalls => Least(pool, static (a, b, today) =>
                a.Agent.AnsweredOn(today).CompareTo(b.Agent.AnsweredOn(today)) is var byCalls and not 0
                    ? byCalls
                    : a.Agent.IdleSince.CompareTo(b.Agent.IdleSince), today),
            QueueStrategy.LeastTalkTime => Least(pool, static (a, b, today) =>
                a.Agent.TalkTimeOn(today).CompareTo(b.Agent.TalkTimeOn(today)) is var byTalk and not 0
                    ? byTalk
                    : a.Agent.IdleSince.CompareTo(b.Agent.IdleSince), today),
            QueueStrategy.Random => pool.At(random.Next(pool.Count())),
            _ => pool.First(),
        };
    }

    /// <summary>
    /// Ring-all rings every available agent of the lowest available level. While it rings, agents who become
    /// available join if their level is not above the highest level already ringing.
    /// </summary>
    /// <param name="targets">Cleared, then filled with the agents to ring, in member order.</param>
    public static void RingAllTargets(WaitingCall call, IReadOnlyList<Candidate> available, List<Candidate> targets)
    {
        targets.Clear();
        if (available.Count == 0)
            return;
        int? highestRinging = null;
        foreach (var offer in call.Offers)
        {
            if (offer.Agent.MemberOf(call.Queue) is { } member && (highestRinging is null || member.Level > highestRinging))
                highestRinging = member.Level;
        }

        var upToLevel = highestRinging ?? available[0].Member.Level;
        foreach (var candidate in available)
        {
            if (candidate.Member.Level > upToLevel)
                break;
            targets.Add(candidate);
        }
    }

    private static Candidate AfterLastOffered(Pool pool, QueueMember? lastOffered)
    {
        if (lastOffered is not null)
        {
            for (var index = pool.Start; index < pool.End; index++)
            {
                if (pool.Contains(index) && MemberOrder.Instance.Compare(pool.Available[index].Member, lastOffered) > 0)
                    return pool.Available[index];
            }
        }

        return pool.First();
    }

    private static Candidate Least(Pool pool, Func<Candidate, Candidate, DateOnly, int> comparison, DateOnly today)
    {
        Candidate? best = null;
        for (var index = pool.Start; index < pool.End; index++)
        {
            if (pool.Contains(index) && (best is not { } current || comparison(pool.Available[index], current, today) < 0))
                best = pool.Available[index];
        }

        return best!.Value;
    }

    /// <summary>
    /// The members the strategy chooses among: the untried (or, when every available member tried the call, all of
    /// them) at the lowest level among those. As a range of the available list with a filter, not a copy.
    /// </summary>
    private readonly struct Pool
    {
        private readonly WaitingCall _call;
        private readonly bool _untriedOnly;

        public Pool(WaitingCall call, IReadOnlyList<Candidate> available)
        {
            _call = call;
            Available = available;
            var first = -1;
            for (var index = 0; index < available.Count; index++)
            {
                if (!call.WasTriedBy(available[index].Agent.Id))
                {
                    first = index;
                    break;
                }
            }

            _untriedOnly = first >= 0;
            Start = Math.Max(first, 0);
            var level = available[Start].Member.Level;
            End = Start;
            while (End < available.Count && available[End].Member.Level == level)
                End++;
        }

        public IReadOnlyList<Candidate> Available { get; }

        public int Start { get; }

        public int End { get; }

        public bool Contains(int index) => !_untriedOnly || !_call.WasTriedBy(Available[index].Agent.Id);

        public Candidate First() => Available[Start];

        public int Count()
        {
            var count = 0;
            for (var index = Start; index < End; index++)
            {
                if (Contains(index))
                    count++;
            }

            return count;
        }

        public Candidate At(int nth)
        {
            for (var index = Start; index < End; index++)
            {
                if (Contains(index) && nth-- == 0)
                    return Available[index];
            }

            throw new ArgumentOutOfRangeException(nameof(nth));
        }
    }
}
