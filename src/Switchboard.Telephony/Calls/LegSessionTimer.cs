using Switchboard.Sip.SessionTimers;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// One leg's session timer (RFC 4028): when we refresh it ourselves, and when a session nobody refreshed is given up
/// for lost. Each agreed refresh (a re-INVITE either way) starts the interval again. The timer only wakes the call;
/// the call asks <see cref="Due"/> on its own flow what to do, so a firing that is out of date does nothing.
/// </summary>
internal sealed class LegSessionTimer(TimeProvider time, Action wake) : IDisposable
{
    private ITimer? _timer;
    private DateTimeOffset _refreshedAt;
    // When our refresh went out: one sent late (a busy machine woke us late) gets the answer time an on-time one gets.
    private DateTimeOffset _refreshSentAt;
    // When to refresh again after a refused refresh (MaxValue: not at all); null: at half the interval.
    private DateTimeOffset? _retryAt;

    /// <summary>The terms in force; null while the leg runs without a session timer.</summary>
    public SessionTerms? Terms { get; private set; }

    /// <summary>Our refresh is on its way and not yet answered.</summary>
    public bool RefreshPending { get; private set; }

    /// <summary>A refresh was agreed (or the session set up) at <paramref name="now"/> with these terms; null stops the timer.</summary>
    public void Refreshed(SessionTerms? terms, DateTimeOffset now)
    {
        Terms = terms;
        _refreshedAt = now;
        _retryAt = null;
        RefreshPending = false;
        Arm(now);
    }

    /// <summary>Our refresh was refused: tried again at <paramref name="retryAt"/> if given, else the session runs out.</summary>
    public void RefreshFailed(DateTimeOffset now, DateTimeOffset? retryAt)
    {
        RefreshPending = false;
        _retryAt = retryAt ?? DateTimeOffset.MaxValue;
        Arm(now);
    }

    public SessionTimerStep Due(DateTimeOffset now)
    {
        if (Terms is not { } terms)
            return SessionTimerStep.None;
        // Our own refresh first, even when we wake after the expiry: our lateness is no sign that the peer is gone.
        if (terms.LocalRefreshes && !RefreshPending && now >= (_retryAt ?? _refreshedAt + terms.RefreshAfter))
        {
            RefreshPending = true;
            _refreshSentAt = now;
            _retryAt = null;
            Arm(now);
            return SessionTimerStep.Refresh;
        }

        if (now >= Expiry(terms))
            return SessionTimerStep.Expired;
        Arm(now);
        return SessionTimerStep.None;
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>When the session is lost: the interval's end, or for a refresh sent late as long after it as for one on time.</summary>
    private DateTimeOffset Expiry(SessionTerms terms)
    {
        var expiry = _refreshedAt + terms.ExpireAfter;
        var answerBy = _refreshSentAt + (terms.ExpireAfter - terms.RefreshAfter);
        return RefreshPending && answerBy > expiry ? answerBy : expiry;
    }

    private void Arm(DateTimeOffset now)
    {
        if (Terms is not { } terms)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var expiry = Expiry(terms);
        var next = terms.LocalRefreshes && !RefreshPending ? (_retryAt ?? _refreshedAt + terms.RefreshAfter) : expiry;
        var dueIn = (next < expiry ? next : expiry) - now;
        if (dueIn < TimeSpan.Zero)
            dueIn = TimeSpan.Zero;
        _timer ??= time.CreateTimer(_ => wake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(dueIn, Timeout.InfiniteTimeSpan);
    }
}
