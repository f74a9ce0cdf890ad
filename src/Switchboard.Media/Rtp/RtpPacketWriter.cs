using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>Writes RTP packets (RFC 3550 §5.1) into a caller's buffer.</summary>
public static class RtpPacketWriter
{
    /// <summary>Writes the fixed header and <paramref name="payload"/>; returns the packet length.</summary>
    public static int Write(Span<byte> destination, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        WriteFixedHeader(destination, header, csrcCount: 0, hasExtension: false, padding: false);
        payload.CopyTo(destination[RtpHeader.FixedSize..]);
        return RtpHeader.FixedSize + payload.Length;
    }

    /// <summary>
    /// Writes a packet with every optional part: contributing sources, a header extension
    /// (<paramref name="extension"/> a multiple of 4 bytes) and <paramref name="paddingLength"/> bytes of padding.
    /// </summary>
    public static int Write(
        Span<byte> destination,
        in RtpHeader header,
        ReadOnlySpan<uint> csrcs,
        ushort? extensionProfile,
        ReadOnlySpan<byte> extension,
        ReadOnlySpan<byte> payload,
        byte paddingLength = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(csrcs.Length, 15, nameof(csrcs));
        if (extension.Length % 4 != 0 || extension.Length / 4 > ushort.MaxValue)
        {
            throw new ArgumentException("a header extension is a whole number of 32-bit words", nameof(extension));
        }

        WriteFixedHeader(destination, header, csrcs.Length, extensionProfile.HasValue, paddingLength > 0);
        var offset = RtpHeader.FixedSize;
        foreach (var csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }

        if (extensionProfile is { } profile)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], profile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extension.Length / 4));
            extension.CopyTo(destination[(offset + 4)..]);
            offset += 4 + extension.Length;
        }

        payload.CopyTo(destination[offset..]);
        offset += payload.Length;
        if (paddingLength > 0)
        {
            destination.Slice(offset, paddingLength - 1).Clear();
            destination[offset + paddingLength - 1] = paddingLength;
            offset += paddingLength;
        }

        return offset;
    }

    private static void WriteFixedHeader(Span<byte> destination, in RtpHeader header, int csrcCount, bool hasExtension, bool padding)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(header.PayloadType, (byte)127, nameof(header));
        destination[0] = (byte)((RtpHeader.Version << 6) | (padding ? 0x20 : 0) | (hasExtension ? 0x10 : 0) | csrcCount);
        destination[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
    }
}
