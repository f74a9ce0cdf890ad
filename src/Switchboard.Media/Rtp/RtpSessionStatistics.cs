namespace Switchboard.Media.Rtp;

/// <summary>A snapshot of one session's traffic.</summary>
/// <param name="PacketsSent">RTP packets of our stream.</param>
/// <param name="OctetsSent">Payload octets of our stream.</param>
/// <param name="PacketsReceived">RTP packets accepted from the peer.</param>
/// <param name="OctetsReceived">Payload octets accepted from the peer.</param>
/// <param name="PacketsLost">Estimated from gaps in the peer's sequence numbers.</param>
/// <param name="PacketsIgnored">Packets from an address other than the peer's once it was known.</param>
/// <param name="RtcpReportsSent">Our sender or receiver reports.</param>
/// <param name="RtcpReportsReceived">The peer's sender or receiver reports.</param>
/// <param name="PeerReport">The latest block in which the peer told how it hears our stream.</param>
public sealed record RtpSessionStatistics(
    long PacketsSent,
    long OctetsSent,
    long PacketsReceived,
    long OctetsReceived,
    long PacketsLost,
    long PacketsIgnored,
    long RtcpReportsSent,
    long RtcpReportsReceived,
    RtcpReportBlock? PeerReport);
