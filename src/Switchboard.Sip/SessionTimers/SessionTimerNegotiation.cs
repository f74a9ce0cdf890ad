using System.Globalization;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.SessionTimers;

/// <summary>
/// The rules of RFC 4028 for an INVITE or re-INVITE and its 2xx, on either side; pure, so every case is a unit test.
/// A refresh is any re-INVITE: it renegotiates the terms as the first INVITE did.
/// </summary>
public static class SessionTimerNegotiation
{
    public const string OptionTag = "timer";

    /// <summary>Supported, Session-Expires and Min-SE on an INVITE this side sends (§7.1); the UAS picks the refresher.</summary>
    public static void AddToRequest(SipRequest request, SessionTimerPolicy policy, SessionRefresher? refresher = null)
    {
        request.Headers.Add("Supported", OptionTag);
        request.Headers.Add("Session-Expires", new SessionExpiresHeader(policy.IntervalSeconds, refresher).ToString());
        request.Headers.Add("Min-SE", policy.MinSeconds.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The UAS's side (§9): a request asking for less than our minimum is refused with 422; one asking for a timer
    /// gets it (shortened to our interval if longer, never below its Min-SE), with its refresher if it named one,
    /// the UAC if it supports timers, or us if it does not. A UAC that supports timers without asking is given one
    /// it refreshes itself; one that neither asks nor supports them gets none.
    /// </summary>
    public static SessionTimerAnswer ForRequest(SipRequest request, SessionTimerPolicy policy)
    {
        var supports = request.Supports(OptionTag);
        request.TryGetMinSe(out var theirMinimum);
        var floor = Math.Max(theirMinimum, policy.MinSeconds);
        if (request.TryGetSessionExpires(out var asked))
        {
            if (asked.Seconds < policy.MinSeconds)
                return new SessionTimerAnswer(null, policy.MinSeconds);
            var seconds = Math.Max(Math.Min(asked.Seconds, policy.IntervalSeconds), floor);
            // A UAC without timer support cannot refresh, whatever a proxy wrote for it.
            var uacRefreshes = supports && asked.Refresher != SessionRefresher.Uas;
            return new SessionTimerAnswer(new SessionTerms(seconds, LocalRefreshes: !uacRefreshes), null);
        }

        return supports ? new SessionTimerAnswer(new SessionTerms(Math.Max(policy.IntervalSeconds, floor), LocalRefreshes: false), null) : SessionTimerAnswer.None;
    }

    /// <summary>Session-Expires on the UAS's 2xx, with Require: timer when the UAC is to refresh (§9).</summary>
    public static void AddToAnswer(SipResponse response, SessionTerms terms)
    {
        var refresher = terms.LocalRefreshes ? SessionRefresher.Uas : SessionRefresher.Uac;
        response.Headers.Add("Session-Expires", new SessionExpiresHeader(terms.Seconds, refresher).ToString());
        if (refresher == SessionRefresher.Uac)
            response.Headers.Add("Require", OptionTag);
    }

    /// <summary>A 422's Min-SE: the interval to ask again with (§10), or null when it carries none worth retrying with.</summary>
    public static uint? RetryInterval(SipResponse tooSmall, SessionTimerPolicy asked) =>
        tooSmall.StatusCode == 422 && tooSmall.TryGetMinSe(out var minimum) && minimum > asked.IntervalSeconds ? minimum : null;

    /// <summary>
    /// The UAC's side (§7.2): the terms a 2xx sets; none when it carries no Session-Expires. A 2xx that names no
    /// refresher breaks §9; this side then refreshes, which keeps the session alive whatever the peer does.
    /// </summary>
    public static SessionTerms? ForAnswer(SipResponse response) =>
        response.TryGetSessionExpires(out var granted)
            ? new SessionTerms(granted.Seconds, LocalRefreshes: granted.Refresher != SessionRefresher.Uas)
            : null;
}
