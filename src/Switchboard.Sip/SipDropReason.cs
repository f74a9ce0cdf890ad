namespace Switchboard.Sip;

/// <summary>Why a received SIP message was dropped (see <see cref="SipMetrics"/>).</summary>
internal enum SipDropReason
{
    /// <summary>It did not parse (or, on TCP, the stream lost its framing).</summary>
    Malformed,

    /// <summary>It broke a parser limit: too large, a line too long, too many headers.</summary>
    OverLimits,

    /// <summary>It parsed, but the core's receive queue was full.</summary>
    ReceiveQueueFull,

    /// <summary>Its handling at the transport threw.</summary>
    Failed,
}
