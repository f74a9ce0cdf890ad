using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>
/// A parsed RTP packet (RFC 3550 §5.1) whose parts stay inside the received datagram: reading one
/// copies nothing.
/// </summary>
public readonly ref struct RtpPacket
{
    private const int ExtensionHeaderSize = 4;

    private RtpPacket(RtpHeader header, bool padding, ReadOnlySpan<byte> csrcs, bool hasExtension, ushort extensionProfile, ReadOnlySpan<byte> extension, ReadOnlySpan<byte> payload)
    {
        Header = header;
        Padding = padding;
        Csrcs = csrcs;
        HasExtension = hasExtension;
        ExtensionProfile = extensionProfile;
        Extension = extension;
        Payload = payload;
    }

    public RtpHeader Header { get; }

    /// <summary>Whether padding followed the payload; <see cref="Payload"/> never includes it.</summary>
    public bool Padding { get; }

    public int CsrcCount => Csrcs.Length / 4;

    /// <summary>The contributing sources, 4 bytes each in network order.</summary>
    public ReadOnlySpan<byte> Csrcs { get; }

    public bool HasExtension { get; }

    public ushort ExtensionProfile { get; }

    /// <summary>The header extension's data, without its 4-byte profile and length header.</summary>
    public ReadOnlySpan<byte> Extension { get; }

    public ReadOnlySpan<byte> Payload { get; }

    public uint GetCsrc(int index) => BinaryPrimitives.ReadUInt32BigEndian(Csrcs.Slice(index * 4, 4));

    /// <summary>Parses <paramref name="datagram"/>; false for anything that is not a well-formed RTP version 2 packet.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtpPacket packet)
    {
        packet = default;
        if (datagram.Length < RtpHeader.FixedSize || datagram[0] >> 6 != RtpHeader.Version)
        {
            return false;
        }

        var padding = (datagram[0] & 0x20) != 0;
        var hasExtension = (datagram[0] & 0x10) != 0;
        var csrcLength = (datagram[0] & 0x0F) * 4;
        var header = new RtpHeader(
            PayloadType: (byte)(datagram[1] & 0x7F),
            SequenceNumber: BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
            Timestamp: BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
            Ssrc: BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]),
            Marker: (datagram[1] & 0x80) != 0);

        var offset = RtpHeader.FixedSize + csrcLength;
        if (offset > datagram.Length)
        {
            return false;
        }

        var csrcs = datagram[RtpHeader.FixedSize..offset];
        ushort extensionProfile = 0;
        var extension = ReadOnlySpan<byte>.Empty;
        if (hasExtension)
        {
            if (offset + ExtensionHeaderSize > datagram.Length)
            {
                return false;
            }

            extensionProfile = BinaryPrimitives.ReadUInt16BigEndian(datagram[offset..]);
            var extensionLength = BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]) * 4;
            offset += ExtensionHeaderSize;
            if (offset + extensionLength > datagram.Length)
            {
                return false;
            }

            extension = datagram.Slice(offset, extensionLength);
            offset += extensionLength;
        }

        var end = datagram.Length;
        if (padding)
        {
            // The last byte counts the padding, itself included.
            var paddingLength = datagram[^1];
            if (paddingLength == 0 || offset + paddingLength > end)
            {
                return false;
            }

            end -= paddingLength;
        }

        packet = new RtpPacket(header, padding, csrcs, hasExtension, extensionProfile, extension, datagram[offset..end]);
        return true;
    }
}
