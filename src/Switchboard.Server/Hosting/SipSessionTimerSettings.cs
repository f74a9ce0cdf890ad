using Switchboard.Sip.SessionTimers;

namespace Switchboard.Server.Hosting;

/// <summary>SIP session timers (RFC 4028): how often an answered call's dialogs are refreshed, so that a vanished phone is noticed.</summary>
public sealed class SipSessionTimerSettings
{
    /// <summary>The interval asked for in our INVITEs and granted to phones that ask for more; 0 turns session timers off.</summary>
    public int IntervalSeconds { get; set; } = 1800;

    /// <summary>The shortest interval accepted (our Min-SE); RFC 4028 sets 90 s as the floor for the wire.</summary>
    public int MinSeconds { get; set; } = 90;

    public SessionTimerPolicy? ToPolicy() => IntervalSeconds == 0 ? null : new SessionTimerPolicy((uint)IntervalSeconds, (uint)MinSeconds);
}
