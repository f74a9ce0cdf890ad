namespace Switchboard.Media.Rtp;

/// <summary>One reception report block of an RTCP SR or RR (RFC 3550 §6.4.1): how a receiver hears one source.</summary>
/// <param name="Ssrc">The source this block is about.</param>
/// <param name="FractionLost">Packets lost since the previous report, in 256ths.</param>
/// <param name="CumulativeLost">Packets lost since reception began (24-bit signed on the wire).</param>
/// <param name="LastSenderReport">The middle 32 bits of the NTP timestamp of the last SR received from that source.</param>
/// <param name="DelaySinceLastSenderReport">Time since that SR arrived, in 1/65536 s.</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    public const int Size = 24;

    public const int MaximumCumulativeLost = 0x7FFFFF;
}
