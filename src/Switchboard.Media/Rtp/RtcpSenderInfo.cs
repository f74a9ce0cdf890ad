namespace Switchboard.Media.Rtp;

/// <summary>The sender information of an RTCP sender report (RFC 3550 §6.4.1).</summary>
/// <param name="NtpTimestamp">Wallclock time of the report, NTP format (seconds since 1900 in the high 32 bits).</param>
/// <param name="RtpTimestamp">The same instant on the stream's media clock.</param>
/// <param name="PacketCount">Packets sent since the stream started (wraps at 2^32).</param>
/// <param name="OctetCount">Payload octets sent since the stream started (wraps at 2^32).</param>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    public const int Size = 20;

    private static readonly DateTimeOffset NtpEpoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ulong ToNtpTimestamp(DateTimeOffset time)
    {
        var sinceEpoch = time - NtpEpoch;
        var seconds = (ulong)(sinceEpoch.Ticks / TimeSpan.TicksPerSecond);
        var fraction = (ulong)(sinceEpoch.Ticks % TimeSpan.TicksPerSecond) * (1UL << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    /// <summary>The middle 32 bits of <see cref="NtpTimestamp"/>, which receivers echo as LSR.</summary>
    public uint CompactNtpTimestamp => (uint)(NtpTimestamp >> 16);
}
