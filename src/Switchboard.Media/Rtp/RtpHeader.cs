namespace Switchboard.Media.Rtp;

/// <summary>The fields of the RTP fixed header (RFC 3550 §5.1) that identify and order a packet.</summary>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false)
{
    public const int Version = 2;

    /// <summary>Size of the fixed header, without CSRC list or extension.</summary>
    public const int FixedSize = 12;

    /// <summary>Largest datagram the switchboard sends or accepts: an Ethernet MTU less IP and UDP headers.</summary>
    public const int MaximumPacketSize = 1472;
}
