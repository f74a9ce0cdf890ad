namespace Switchboard.Domain.Acd;

/// <summary>
/// Chooses who is offered a waiting call, by the queue's strategy. Agents who already refused the call or let it
/// ring out are passed over while anyone else is available. Then the lowest level that has an available agent
/// is used, and the strategy chooses within it; ties go to the member order (position, then user id).
/// </summary>
internal static class AgentPicker
{
    /// <param name="available">Available members of the call's queue, in member order; not empty.</param>
    public static Candidate PickOne(WaitingCall call, List<Candidate> available, DateOnly today, Random random)
    {
        var untried = available.FindAll(candidate => !call.TriedAgents.Contains(candidate.Agent.Id));
        var pool = untried.Count > 0 ? untried : available;
        var level = pool.Min(candidate => candidate.Member.Level);
        var atLevel = pool.FindAll(candidate => candidate.Member.Level == level);

        return call.Queue.Settings.Strategy switch
        {
            QueueStrategy.RoundRobin => AfterLastOffered(atLevel, call.Queue.LastOffered),
            QueueStrategy.LongestIdle => Least(atLevel, static (a, b) => a.Agent.IdleSince.CompareTo(b.Agent.IdleSince)),
            QueueStrategy.FewestCalls => Least(atLevel, (a, b) =>
                a.Agent.AnsweredOn(today).CompareTo(b.Agent.AnsweredOn(today)) is var byCalls and not 0
                    ? byCalls
                    : a.Agent.IdleSince.CompareTo(b.Agent.IdleSince)),
            QueueStrategy.LeastTalkTime => Least(atLevel, (a, b) =>
                a.Agent.TalkTimeOn(today).CompareTo(b.Agent.TalkTimeOn(today)) is var byTalk and not 0
                    ? byTalk
                    : a.Agent.IdleSince.CompareTo(b.Agent.IdleSince)),
            QueueStrategy.Random => atLevel[random.Next(atLevel.Count)],
            _ => atLevel[0],
        };
    }

    /// <summary>
    /// Ring-all rings every available agent of the lowest available level. While it rings, agents who become
    /// available join if their level is not above the highest level already ringing.
    /// </summary>
    public static IEnumerable<Candidate> RingAllTargets(WaitingCall call, List<Candidate> available)
    {
        var highestRinging = call.Offers
            .Select(offer => call.Queue.MemberFor(offer.Agent.Id)?.Level)
            .Max();
        var upToLevel = highestRinging ?? available.Min(candidate => candidate.Member.Level);
        return available.Where(candidate => candidate.Member.Level <= upToLevel);
    }

    private static Candidate AfterLastOffered(List<Candidate> atLevel, QueueMember? lastOffered)
    {
        if (lastOffered is null)
            return atLevel[0];
        foreach (var candidate in atLevel)
        {
            if (MemberOrder.Instance.Compare(candidate.Member, lastOffered) > 0)
                return candidate;
        }

        return atLevel[0];
    }

    private static Candidate Least(List<Candidate> candidates, Comparison<Candidate> comparison)
    {
        var best = candidates[0];
        for (var index = 1; index < candidates.Count; index++)
        {
            if (comparison(candidates[index], best) < 0)
                best = candidates[index];
        }

        return best;
    }
}
