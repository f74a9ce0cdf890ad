using Switchboard.Sip.SessionTimers;
using Switchboard.Telephony.Calls;
using Switchboard.Testing;

namespace Switchboard.Telephony.Tests.Calls;

/// <summary>When a leg's session timer refreshes, retries and gives up, with fake time: 90 s sessions, refreshed at 45 s, lost at 60 s.</summary>
public sealed class LegSessionTimerTests
{
    private readonly FakeTimeProvider _time = new();
    private int _wakes;

    [Fact]
    public void The_refresher_is_woken_at_half_the_interval_to_refresh_once_and_the_session_is_lost_at_its_end_without_an_answer()
    {
        using var timer = Start(new SessionTerms(90, LocalRefreshes: true));

        _time.Advance(TimeSpan.FromSeconds(44));
        Assert.Equal(0, _wakes);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _wakes);
        Assert.Equal(SessionTimerStep.Refresh, timer.Due(_time.GetUtcNow()));
        // A second firing while the refresh is under way does not send another.
        Assert.Equal(SessionTimerStep.None, timer.Due(_time.GetUtcNow()));

        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(SessionTimerStep.Expired, timer.Due(_time.GetUtcNow()));
    }

    [Fact]
    public void A_refresher_woken_after_the_end_by_a_busy_machine_refreshes_instead_of_giving_the_session_up()
    {
        using var timer = Start(new SessionTerms(90, LocalRefreshes: true));

        // The wake due at 45 s comes only at 61 s, past the 60 s end: the peer has not failed anything.
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(SessionTimerStep.Refresh, timer.Due(_time.GetUtcNow()));

        // Its refresh gets the 15 s an on-time one gets for its answer.
        _time.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(SessionTimerStep.None, timer.Due(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SessionTimerStep.Expired, timer.Due(_time.GetUtcNow()));
    }

    [Fact]
    public void An_answered_refresh_starts_the_interval_again()
    {
        using var timer = Start(new SessionTerms(90, LocalRefreshes: true));
        _time.Advance(TimeSpan.FromSeconds(45));
        timer.Due(_time.GetUtcNow());

        timer.Refreshed(new SessionTerms(90, LocalRefreshes: true), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(44));

        Assert.Equal(SessionTimerStep.None, timer.Due(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SessionTimerStep.Refresh, timer.Due(_time.GetUtcNow()));
    }

    [Fact]
    public void A_refresh_refused_by_glare_is_tried_again_when_asked_and_a_plain_refusal_waits_for_the_end()
    {
        using var timer = Start(new SessionTerms(90, LocalRefreshes: true));
        _time.Advance(TimeSpan.FromSeconds(45));
        timer.Due(_time.GetUtcNow());

        timer.RefreshFailed(_time.GetUtcNow(), retryAt: _time.GetUtcNow() + TimeSpan.FromSeconds(2));
        var wakes = _wakes;
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(wakes + 1, _wakes);
        Assert.Equal(SessionTimerStep.Refresh, timer.Due(_time.GetUtcNow()));

        timer.RefreshFailed(_time.GetUtcNow(), retryAt: null);
        _time.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(SessionTimerStep.None, timer.Due(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SessionTimerStep.Expired, timer.Due(_time.GetUtcNow()));
    }

    [Fact]
    public void When_the_peer_refreshes_we_only_wake_at_the_end_and_its_refresh_moves_the_end()
    {
        using var timer = Start(new SessionTerms(90, LocalRefreshes: false));

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, _wakes);
        timer.Refreshed(new SessionTerms(90, LocalRefreshes: false), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, _wakes);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _wakes);
        Assert.Equal(SessionTimerStep.Expired, timer.Due(_time.GetUtcNow()));
    }

    [Fact]
    public void A_refresh_without_a_timer_stops_it()
    {
        using var timer = Start(new SessionTerms(90, LocalRefreshes: false));

        timer.Refreshed(null, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, _wakes);
        Assert.Equal(SessionTimerStep.None, timer.Due(_time.GetUtcNow()));
    }

    private LegSessionTimer Start(SessionTerms terms)
    {
        var timer = new LegSessionTimer(_time, () => _wakes++);
        timer.Refreshed(terms, _time.GetUtcNow());
        return timer;
    }
}
