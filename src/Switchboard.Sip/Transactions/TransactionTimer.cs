namespace Switchboard.Sip.Transactions;

/// <summary>
/// One restartable one-shot timer of a transaction. A callback of a timer that was stopped or restarted meanwhile
/// is ignored, so a late firing never acts on a newer state. Stopping releases the underlying timer.
/// </summary>
internal sealed class TransactionTimer
{
    private readonly TimeProvider _time;
    private readonly Action _fire;
    private ITimer? _timer;
    private int _generation;

    public TransactionTimer(TimeProvider time, Action fire)
    {
        _time = time;
        _fire = fire;
    }

    /// <summary>The delay it was last started with: a retransmission timer's current interval.</summary>
    public TimeSpan Due { get; private set; }

    public void Start(TimeSpan due)
    {
        Stop();
        Due = due;
        var generation = Interlocked.Increment(ref _generation);
        _timer = _time.CreateTimer(_ =>
        {
            if (Volatile.Read(ref _generation) == generation)
                _fire();
        }, null, due, Timeout.InfiniteTimeSpan);
    }

    public void Stop()
    {
        Interlocked.Increment(ref _generation);
        _timer?.Dispose();
        _timer = null;
    }
}
