namespace Switchboard.Domain.Acd;

/// <summary>
/// How long a call waits in its queue in all, from arrival until an agent answers: the figure the live queue view
/// shows beside each waiting call and that a <c>queueLoad</c> routing condition tests for a call joining now.
/// </summary>
/// <remarks>
/// Once a conversation answered from the queue has ended, the estimate is built from the queue's recent handle
/// times (talk plus wrap-up, the last <see cref="AcdOptions.RecentWaitsForEstimate"/>), their mean H:
/// <list type="bullet">
/// <item>a call that rings an agent now, or that joins while a member is available, waits no more;</item>
/// <item>otherwise the work ahead of it is what the members busy on calls still have to do plus H per call ahead,
/// shared among the queue's Ready members: remaining = (busy × R + ahead × H) / Ready, where R is what a busy member
/// still has to do. R accounts for how long they have already been at it (their average time on their current
/// work, e): the mean of h − e over the recent handle times h longer than e; when e is longer than every recent one
/// (an agent on a long call), H again, not "any moment now".</item>
/// </list>
/// The estimate is the wait so far plus that remaining time. Before any conversation has ended, it is the mean of
/// the queue's recent answered waits × the call's position; before any call was answered, there is none. Either
/// way it is never below what a call ahead of it has already waited: that call is served first and is still
/// waiting. The busy members' time on their work is kept as a count and a sum of start times, so the live figure
/// costs the same whatever the number of members.
/// </remarks>
internal static class WaitEstimate
{
    public static TimeSpan? Of(QueueCounters queue, int busyAgents, long busySinceMillisecondsSum, DateTimeOffset now, WaitingPlace place)
    {
        TimeSpan total;
        var handled = queue.RecentHandleCount;
        if (handled > 0)
        {
            total = place.Waited + Remaining(queue, handled, busyAgents, busySinceMillisecondsSum, now, place);
        }
        else if (queue.AverageAnsweredWait is { } averageWait)
        {
            total = averageWait * (place.Ahead + 1);
        }
        else
        {
            return null;
        }

        return Max(total, Max(place.Waited, place.LongestWaitAhead));
    }

    private static TimeSpan Remaining(QueueCounters queue, int handled, int busyAgents, long busySinceMillisecondsSum, DateTimeOffset now, WaitingPlace place)
    {
        if (place.RingsNow || (place.Ahead == 0 && queue.AvailableAgents > 0))
            return TimeSpan.Zero;

        var meanHandle = MeanHandleTime(queue, handled);
        var busyWork = TimeSpan.Zero;
        if (busyAgents > 0)
        {
            var averageStart = DateTimeOffset.FromUnixTimeMilliseconds(busySinceMillisecondsSum / busyAgents);
            busyWork = StillToDo(queue, handled, Max(now - averageStart, TimeSpan.Zero), meanHandle) * busyAgents;
        }

        return (busyWork + (meanHandle * place.Ahead)) / Math.Max(1, queue.ReadyAgents);
    }

    private static TimeSpan MeanHandleTime(QueueCounters queue, int handled)
    {
        var sum = TimeSpan.Zero;
        for (var index = 0; index < handled; index++)
            sum += queue.RecentHandleTime(index);
        return sum / handled;
    }

    /// <summary>The expected rest of work that has lasted <paramref name="elapsed"/>, from the recent handle times longer than that.</summary>
    private static TimeSpan StillToDo(QueueCounters queue, int handled, TimeSpan elapsed, TimeSpan meanHandle)
    {
        var rest = TimeSpan.Zero;
        var longer = 0;
        for (var index = 0; index < handled; index++)
        {
            var handle = queue.RecentHandleTime(index);
            if (handle > elapsed)
            {
                rest += handle - elapsed;
                longer++;
            }
        }

        return longer > 0 ? rest / longer : meanHandle;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
