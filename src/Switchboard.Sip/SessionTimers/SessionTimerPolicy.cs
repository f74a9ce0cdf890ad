namespace Switchboard.Sip.SessionTimers;

/// <summary>
/// What this side wants of session timers (RFC 4028): the interval it asks for and the shortest it accepts
/// (its Min-SE; the RFC's floor is 90 s).
/// </summary>
public sealed record SessionTimerPolicy(uint IntervalSeconds, uint MinSeconds);
