namespace Switchboard.Sip;

/// <summary>The timer that ended a SIP exchange without its answer (RFC 3261 §17, §13.3.1.4; see <see cref="SipMetrics"/>).</summary>
internal enum SipTimeoutTimer
{
    /// <summary>An INVITE client transaction had no final response.</summary>
    B,

    /// <summary>A non-INVITE client transaction had no final response.</summary>
    F,

    /// <summary>An INVITE server transaction sent a non-2xx final response and had no ACK.</summary>
    H,

    /// <summary>A 2xx to an INVITE was retransmitted for 64*T1 without an ACK.</summary>
    SuccessAck,
}
