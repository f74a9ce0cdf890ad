namespace Switchboard.Acd.Benchmarks;

/// <summary>
/// The recorded day's time, moved by the replay: it reads what it was set to, and its timers fire on the replay's
/// thread when <see cref="FireDue"/> finds them due, as the system's timers would fire when the time comes.
/// </summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private readonly List<ReplayTimer> _timers = [];

    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ReplayTimer(this, callback, state);
        timer.Change(dueTime, period);
        _timers.Add(timer);
        return timer;
    }

    /// <summary>The earliest time a timer is set to, if any is set.</summary>
    public DateTimeOffset? NextDue()
    {
        DateTimeOffset? next = null;
        foreach (var timer in _timers)
        {
            if (timer.DueAt is { } due && (next is null || due < next))
                next = due;
        }

        return next;
    }

    /// <summary>Fires every timer due by now, once each.</summary>
    public void FireDue()
    {
        foreach (var timer in _timers)
        {
            if (timer.DueAt is { } due && due <= Now)
                timer.Fire();
        }
    }

    private sealed class ReplayTimer(ReplayClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.Now + dueTime;
            return true;
        }

        public void Fire()
        {
            DueAt = null;
            callback(state);
        }

        public void Dispose() => DueAt = null;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
