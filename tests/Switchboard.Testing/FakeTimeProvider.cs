namespace Switchboard.Testing;

/// <summary>
/// Time that moves only when a test says so. <see cref="Advance"/> fires every timer that falls due, one at a
/// time in due order (on ties, in the order they were last set), on the calling thread, with the clock set to each timer's due time.
/// Timestamps follow the same clock, so elapsed times measured with them move only with <see cref="Advance"/> too.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = start;
    private long _lastSequence;

    /// <summary>Starts at 2026-03-02 09:00 UTC, for tests to which the date does not matter.</summary>
    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
            return _now;
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
            target = _now + by;

        while (NextDue(target) is { } timer)
            timer.Fire();

        lock (_lock)
            _now = target;
    }

    private FakeTimer? NextDue(DateTimeOffset target)
    {
        lock (_lock)
        {
            FakeTimer? next = null;
            foreach (var timer in _timers)
            {
                if (timer.DueAt <= target && (next is null || (timer.DueAt, timer.Sequence).CompareTo((next.DueAt, next.Sequence)) < 0))
                    next = timer;
            }

            if (next is not null)
            {
                _now = next.DueAt > _now ? next.DueAt : _now;
                next.Disarm();
            }

            return next;
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public DateTimeOffset DueAt { get; private set; }

        public long Sequence { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                // As a real timer: once disposed it stays stopped.
                if (_disposed)
                    return false;
                owner._timers.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                    return true;
                DueAt = owner._now + dueTime;
                Sequence = ++owner._lastSequence;
                owner._timers.Add(this);
                return true;
            }
        }

        /// <summary>Called under the owner's lock when this timer is the next due.</summary>
        public void Disarm()
        {
            owner._timers.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period;
                Sequence = ++owner._lastSequence;
                owner._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._lock)
            {
                _disposed = true;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
