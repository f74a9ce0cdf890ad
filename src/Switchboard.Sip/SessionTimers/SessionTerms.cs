namespace Switchboard.Sip.SessionTimers;

/// <summary>
/// A dialog's agreed session timer: its interval, and whether this side sends the refreshes or waits for them.
/// </summary>
public sealed record SessionTerms(uint Seconds, bool LocalRefreshes)
{
    public TimeSpan Interval => TimeSpan.FromSeconds(Seconds);

    /// <summary>The refresher refreshes at half the interval (RFC 4028 §10).</summary>
    public TimeSpan RefreshAfter => Interval / 2;

    /// <summary>
    /// Without a refresh the session ends a little before the interval is up, so that the BYE arrives in time: the
    /// interval minus a third of it or 32 s, whichever is less (RFC 4028 §10).
    /// </summary>
    public TimeSpan ExpireAfter => Interval - TimeSpan.FromSeconds(Math.Min(32, Seconds / 3.0));
}
