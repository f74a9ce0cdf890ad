namespace Switchboard.Domain.Acd;

/// <summary>
/// A queue's live figures, kept up to date by the ACD as it decides and readable from any thread without waiting
/// (for routing conditions). Each figure is exact as of the last decision that changed it; two figures read one
/// after the other may straddle a decision.
/// </summary>
public sealed class QueueCounters
{
    private const long None = -1;

    private readonly long[] _recentHandleTicks;
    private int _recentHandleCount;
    private int _nextHandle;
    private int _readyAgents;
    private int _availableAgents;
    private int _waitingCalls;
    private int _busyAgents;
    private long _busySinceMillisecondsSum;
    private long _oldestArrivalTicks = None;
    private long _averageAnsweredWaitTicks = None;

    internal QueueCounters(Guid queueId, int recentKept)
    {
        QueueId = queueId;
        _recentHandleTicks = new long[Math.Max(1, recentKept)];
    }

    public Guid QueueId { get; }

    /// <summary>Members in status Ready and reachable, whatever they are doing.</summary>
    public int ReadyAgents
    {
        get => Volatile.Read(ref _readyAgents);
        internal set => Volatile.Write(ref _readyAgents, value);
    }

    /// <summary>Members who could be offered a call right now.</summary>
    public int AvailableAgents
    {
        get => Volatile.Read(ref _availableAgents);
        internal set => Volatile.Write(ref _availableAgents, value);
    }

    public int WaitingCalls
    {
        get => Volatile.Read(ref _waitingCalls);
        internal set => Volatile.Write(ref _waitingCalls, value);
    }

    /// <summary>
    /// The estimated wait of a call joining now, behind every waiting call (see <see cref="WaitEstimate"/>); null
    /// until the queue has answered a call.
    /// </summary>
    public TimeSpan? EstimatedWaitOfNextCall(DateTimeOffset now)
    {
        var waiting = WaitingCalls;
        var oldest = Volatile.Read(ref _oldestArrivalTicks);
        var longestWait = oldest == None || waiting == 0 ? TimeSpan.Zero : now - new DateTimeOffset(oldest, TimeSpan.Zero);
        return WaitEstimate.Of(
            this,
            Volatile.Read(ref _busyAgents),
            Volatile.Read(ref _busySinceMillisecondsSum),
            now,
            new WaitingPlace(waiting, TimeSpan.Zero, longestWait, RingsNow: false));
    }

    internal TimeSpan? AverageAnsweredWait =>
        Volatile.Read(ref _averageAnsweredWaitTicks) is var average and not None ? TimeSpan.FromTicks(average) : null;

    internal int RecentHandleCount => Volatile.Read(ref _recentHandleCount);

    /// <summary>One of the queue's recent handle times (0 ≤ index &lt; <see cref="RecentHandleCount"/>), in no particular order.</summary>
    internal TimeSpan RecentHandleTime(int index) => TimeSpan.FromTicks(Volatile.Read(ref _recentHandleTicks[index]));

    internal void SetAverageAnsweredWait(TimeSpan average) => Volatile.Write(ref _averageAnsweredWaitTicks, average.Ticks);

    /// <summary>Keeps the last handle times (talk and wrap-up) of items answered from this queue, oldest replaced first.</summary>
    internal void AddHandleTime(TimeSpan handled)
    {
        Volatile.Write(ref _recentHandleTicks[_nextHandle], Math.Max(0, handled.Ticks));
        _nextHandle = (_nextHandle + 1) % _recentHandleTicks.Length;
        if (_recentHandleCount < _recentHandleTicks.Length)
            Volatile.Write(ref _recentHandleCount, _recentHandleCount + 1);
    }

    /// <summary>The arrival of the call that has waited longest, or null when none waits.</summary>
    internal void SetOldestArrival(DateTimeOffset? arrivedAt) =>
        Volatile.Write(ref _oldestArrivalTicks, arrivedAt?.UtcTicks ?? None);

    /// <summary>A Ready member started (<paramref name="delta"/> 1) or stopped (-1) being busy with work they began at <paramref name="since"/>.</summary>
    internal void CountBusy(int delta, DateTimeOffset since)
    {
        Volatile.Write(ref _busyAgents, _busyAgents + delta);
        Volatile.Write(ref _busySinceMillisecondsSum, _busySinceMillisecondsSum + (delta * since.ToUnixTimeMilliseconds()));
    }

    internal void ClearBusy()
    {
        Volatile.Write(ref _busyAgents, 0);
        Volatile.Write(ref _busySinceMillisecondsSum, 0);
    }
}
