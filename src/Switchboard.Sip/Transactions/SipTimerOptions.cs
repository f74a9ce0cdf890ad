namespace Switchboard.Sip.Transactions;

/// <summary>The timer values of RFC 3261 §17 (Table 4); every other timer derives from them.</summary>
public sealed class SipTimerOptions
{
    /// <summary>Round-trip time estimate: the first retransmission interval.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest retransmission interval of non-INVITE requests and INVITE responses.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a message may stay in the network.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D: how long an INVITE client waits for retransmitted final responses over UDP (at least 32 s).</summary>
    public TimeSpan TimerD { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>
    /// How long an INVITE server transaction waits for the core's first response before sending 100 Trying itself
    /// (RFC 3261 §17.2.1 allows 200 ms); a core that answers sooner saves the message.
    /// </summary>
    public TimeSpan TryingDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>64*T1: timers B, F, H, J, L and M — how long a transaction lives at most.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;
}
