using System.Buffers.Binary;

namespace Switchboard.Testing.Peers;

/// <summary>One RTP packet as a test peer received it (RFC 3550 §5.1): the fields the peers read.</summary>
public readonly struct RtpPacket
{
    private const int FixedHeaderLength = 12;

    public RtpPacket(ReadOnlyMemory<byte> datagram) => Datagram = datagram;

    /// <summary>The whole datagram, header included, as it came.</summary>
    public ReadOnlyMemory<byte> Datagram { get; }

    public byte PayloadType => (byte)(Datagram.Span[1] & 0x7F);

    public uint Timestamp => BinaryPrimitives.ReadUInt32BigEndian(Datagram.Span[4..]);

    /// <summary>What follows the header, its CSRCs and any header extension; empty when nothing does.</summary>
    public ReadOnlyMemory<byte> Payload
    {
        get
        {
            var packet = Datagram.Span;
            var headerLength = FixedHeaderLength + 4 * (packet[0] & 0x0F);
            if ((packet[0] & 0x10) != 0 && packet.Length >= headerLength + 4)
                headerLength += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(headerLength + 2)..]);
            return packet.Length <= headerLength ? ReadOnlyMemory<byte>.Empty : Datagram[headerLength..];
        }
    }

    /// <summary>Whether <paramref name="datagram"/> is RTP: version 2 in the first two bits, and a whole fixed header.</summary>
    public static bool IsRtp(ReadOnlySpan<byte> datagram) => datagram.Length >= FixedHeaderLength && datagram[0] >> 6 == 2;
}
