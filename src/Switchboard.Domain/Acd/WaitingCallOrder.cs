namespace Switchboard.Domain.Acd;

/// <summary>
/// The order in which waiting calls are served. Within a queue: higher call priority first, then the longest
/// waiting. Across queues (an agent in several queues gets the first of these that they can take): higher call
/// priority, then higher queue priority, then the longest waiting. Arrival order (<see cref="WaitingCall.Entry"/>)
/// is unique, so the order is total.
/// </summary>
internal sealed class WaitingCallOrder : IComparer<WaitingCall>
{
    public static readonly WaitingCallOrder WithinQueue = new(byQueuePriority: false);
    public static readonly WaitingCallOrder AcrossQueues = new(byQueuePriority: true);

    private readonly bool _byQueuePriority;

    private WaitingCallOrder(bool byQueuePriority) => _byQueuePriority = byQueuePriority;

    public int Compare(WaitingCall? x, WaitingCall? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;

        var byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0)
            return byPriority;
        if (_byQueuePriority)
        {
            var byQueue = y.QueuePriority.CompareTo(x.QueuePriority);
            if (byQueue != 0)
                return byQueue;
        }

        return x.Entry.CompareTo(y.Entry);
    }
}
