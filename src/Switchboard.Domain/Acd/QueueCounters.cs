namespace Switchboard.Domain.Acd;

/// <summary>
/// A queue's live figures, kept up to date by the ACD as it decides and readable from any thread without waiting
/// (for routing conditions). Each figure is exact as of the last decision that changed it; two figures read one
/// after the other may straddle a decision.
/// </summary>
public sealed class QueueCounters
{
    private const long NoEstimate = -1;

    private int _readyAgents;
    private int _waitingCalls;
    private long _averageAnsweredWaitTicks = NoEstimate;

    internal QueueCounters(Guid queueId) => QueueId = queueId;

    public Guid QueueId { get; }

    /// <summary>Members in status Ready and reachable, whatever they are doing.</summary>
    public int ReadyAgents
    {
        get => Volatile.Read(ref _readyAgents);
        internal set => Volatile.Write(ref _readyAgents, value);
    }

    public int WaitingCalls
    {
        get => Volatile.Read(ref _waitingCalls);
        internal set => Volatile.Write(ref _waitingCalls, value);
    }

    /// <summary>The estimated wait of a call joining now, behind those waiting; null until the queue has answered a call.</summary>
    public TimeSpan? EstimatedWaitOfNextCall =>
        Volatile.Read(ref _averageAnsweredWaitTicks) is var average and not NoEstimate
            ? TimeSpan.FromTicks(average * (WaitingCalls + 1))
            : null;

    internal void SetAverageAnsweredWait(TimeSpan average) => Volatile.Write(ref _averageAnsweredWaitTicks, average.Ticks);
}
