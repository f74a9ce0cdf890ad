using Switchboard.Sip.Headers;
using Switchboard.Sip.SessionTimers;
using Switchboard.Sip.Tests.Fakes;

namespace Switchboard.Sip.Tests.SessionTimers;

/// <summary>RFC 4028's rules for who refreshes a session and how often, as a UAS (§9) and as a UAC (§7).</summary>
public sealed class SessionTimerNegotiationTests
{
    private static readonly SessionTimerPolicy Policy = new(IntervalSeconds: 1800, MinSeconds: 90);

    [Theory]
    [InlineData("Session-Expires: 600;refresher=uac\nSupported: timer", 600, false)]
    [InlineData("Session-Expires: 600;refresher=uas\nSupported: timer", 600, true)]
    [InlineData("Session-Expires: 600\nSupported: timer", 600, false)] // supported, no preference: the UAC refreshes
    [InlineData("Session-Expires: 600", 600, true)] // a UAC without timer support cannot refresh: we do
    [InlineData("Session-Expires: 600;refresher=uac", 600, true)] // ... even if a proxy named it
    [InlineData("x: 600;refresher=uas\nk: timer", 600, true)] // compact forms
    [InlineData("Session-Expires: 7200;refresher=uac\nSupported: timer", 1800, false)] // shortened to our interval
    [InlineData("Session-Expires: 7200;refresher=uac\nSupported: timer\nMin-SE: 3600", 3600, false)] // never below its Min-SE
    [InlineData("Supported: timer, 100rel", 1800, false)] // supports without asking: given one it refreshes
    [InlineData("Supported: timer\nMin-SE: 2400", 2400, false)]
    public void A_request_asking_for_a_session_timer_gets_the_interval_and_refresher_of_RFC_4028(string headers, uint seconds, bool weRefresh)
    {
        var answer = SessionTimerNegotiation.ForRequest(SipTestMessages.Request("INVITE", extraHeaders: headers), Policy);

        Assert.Null(answer.TooSmallBelow);
        Assert.Equal(new SessionTerms(seconds, weRefresh), answer.Terms);
    }

    [Fact]
    public void A_request_that_neither_asks_for_nor_supports_timers_gets_none()
    {
        var answer = SessionTimerNegotiation.ForRequest(SipTestMessages.Request("INVITE", extraHeaders: "Supported: 100rel"), Policy);

        Assert.Equal(SessionTimerAnswer.None, answer);
    }

    [Fact]
    public void A_request_asking_for_less_than_our_minimum_is_refused_with_our_minimum()
    {
        var answer = SessionTimerNegotiation.ForRequest(SipTestMessages.Request("INVITE", extraHeaders: "Session-Expires: 60\nSupported: timer"), Policy);

        Assert.Null(answer.Terms);
        Assert.Equal(90u, answer.TooSmallBelow);
    }

    [Theory]
    [InlineData(false, "Session-Expires: 600;refresher=uac", "timer")]
    [InlineData(true, "Session-Expires: 600;refresher=uas", null)]
    public void The_2xx_names_the_refresher_and_requires_timer_when_the_UAC_refreshes(bool weRefresh, string sessionExpires, string? require)
    {
        var request = SipTestMessages.Request("INVITE");
        var ok = SipResponseBuilder.CreateResponse(request, 200, "ourtag"u8.ToArray());

        SessionTimerNegotiation.AddToAnswer(ok, new SessionTerms(600, weRefresh));

        var written = System.Text.Encoding.ASCII.GetString(SipMessageWriter.ToArray(ok));
        Assert.Contains(sessionExpires + "\r\n", written, StringComparison.Ordinal);
        Assert.Equal(require is not null, written.Contains("Require: timer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Session-Expires: 900;refresher=uac", 900u, true)] // we sent the INVITE: uac is us
    [InlineData("Session-Expires: 900;refresher=uas", 900u, false)]
    [InlineData("Session-Expires: 900", 900u, true)] // no refresher named: we refresh, so the session stays alive
    public void A_2xx_to_our_INVITE_sets_the_terms(string header, uint seconds, bool weRefresh)
    {
        var ok = ResponseWith(200, header);

        Assert.Equal(new SessionTerms(seconds, weRefresh), SessionTimerNegotiation.ForAnswer(ok));
    }

    [Fact]
    public void A_2xx_without_Session_Expires_means_no_timer()
    {
        Assert.Null(SessionTimerNegotiation.ForAnswer(ResponseWith(200, "Supported: timer")));
    }

    [Theory]
    [InlineData("Min-SE: 3600", 3600u)]
    [InlineData("Min-SE: 1200", null)] // not above what we asked: retrying would change nothing
    [InlineData("Supported: timer", null)]
    public void A_422_is_retried_with_its_Min_SE_when_that_is_more_than_we_asked(string header, uint? retry)
    {
        Assert.Equal(retry, SessionTimerNegotiation.RetryInterval(ResponseWith(422, header), Policy));
    }

    [Fact]
    public void Our_INVITE_offers_our_interval_and_minimum_and_lets_the_UAS_choose_the_refresher()
    {
        var invite = SipTestMessages.Outgoing("INVITE", "z9hG4bKout1");

        SessionTimerNegotiation.AddToRequest(invite, Policy);

        Assert.True(invite.Supports("timer"));
        Assert.True(invite.TryGetSessionExpires(out var sessionExpires));
        Assert.Equal(new SessionExpiresHeader(1800, null), sessionExpires);
        Assert.True(invite.TryGetMinSe(out var minimum));
        Assert.Equal(90u, minimum);
    }

    [Theory]
    [InlineData(90u, 45, 60)] // a third of 90 s is 30 s, below 32 s
    [InlineData(1800u, 900, 1768)] // 32 s before the end
    public void The_refresher_refreshes_at_half_and_the_other_side_gives_up_a_little_before_the_end(uint seconds, int refreshAfter, int expireAfter)
    {
        var terms = new SessionTerms(seconds, LocalRefreshes: true);

        Assert.Equal(TimeSpan.FromSeconds(refreshAfter), terms.RefreshAfter);
        Assert.Equal(TimeSpan.FromSeconds(expireAfter), terms.ExpireAfter);
    }

    private static SipResponse ResponseWith(int status, string header)
    {
        var request = SipTestMessages.Outgoing("INVITE", "z9hG4bKout1");
        var text = System.Text.Encoding.ASCII.GetString(SipMessageWriter.ToArray(SipResponseBuilder.CreateResponse(request, status, "peertag"u8.ToArray())));
        return Assert.IsType<SipResponse>(TestMessages.Parse(System.Text.Encoding.ASCII.GetBytes(text.Replace("\r\n\r\n", $"\r\n{header}\r\n\r\n", StringComparison.Ordinal))));
    }
}
