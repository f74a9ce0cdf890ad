namespace Switchboard.Media.WebRtc;

/// <summary>
/// Tells the protocols sharing one port apart by the first byte (RFC 7983 §7): 0–3 STUN, 20–63 DTLS,
/// 128–191 RTP or RTCP; within that range, RTCP by its packet types 192–223 in the second byte
/// (RFC 5761 §4), which is how rtcp-mux keeps both on the port.
/// </summary>
public static class WebRtcDemultiplexer
{
    private const int MinimumRtpLength = 12;

    public static WebRtcPacketKind Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            return WebRtcPacketKind.Unknown;
        }

        return datagram[0] switch
        {
            <= 3 => WebRtcPacketKind.Stun,
            >= 20 and <= 63 => WebRtcPacketKind.Dtls,
            >= 128 and <= 191 when datagram.Length >= MinimumRtpLength =>
                datagram[1] is >= 192 and <= 223 ? WebRtcPacketKind.Rtcp : WebRtcPacketKind.Rtp,
            _ => WebRtcPacketKind.Unknown,
        };
    }
}
