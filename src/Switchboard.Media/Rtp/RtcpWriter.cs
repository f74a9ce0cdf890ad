using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>
/// Writes the compound RTCP packet the switchboard sends periodically (RFC 3550 §6.1): a sender
/// report (or a receiver report when we sent nothing) followed by an SDES with our CNAME.
/// </summary>
public static class RtcpWriter
{
    private const int HeaderSize = 4;
    private const byte CnameItem = 1;

    public static int WriteReport(Span<byte> destination, uint ssrc, RtcpSenderInfo? senderInfo, RtcpReportBlock? block, ReadOnlySpan<byte> cname)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cname.Length, 255, nameof(cname));
        var blockCount = block.HasValue ? 1 : 0;
        var length = HeaderSize + 4 + (senderInfo.HasValue ? RtcpSenderInfo.Size : 0) + blockCount * RtcpReportBlock.Size;
        WriteHeader(destination, blockCount, senderInfo.HasValue ? RtcpPacketType.SenderReport : RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        var offset = 8;
        if (senderInfo is { } info)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination[offset..], info.NtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 8)..], info.RtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 12)..], info.PacketCount);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 16)..], info.OctetCount);
            offset += RtcpSenderInfo.Size;
        }

        if (block is { } report)
        {
            WriteBlock(destination[offset..], report);
            offset += RtcpReportBlock.Size;
        }

        return offset + WriteSourceDescription(destination[offset..], ssrc, cname);
    }

    private static void WriteBlock(Span<byte> destination, in RtcpReportBlock block)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, block.Ssrc);
        var lost = Math.Clamp(block.CumulativeLost, -0x800000, RtcpReportBlock.MaximumCumulativeLost);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)block.FractionLost << 24) | ((uint)lost & 0xFFFFFF));
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], block.ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], block.Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], block.LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], block.DelaySinceLastSenderReport);
    }

    private static int WriteSourceDescription(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> cname)
    {
        // One chunk: SSRC, the CNAME item, then a null item end, padded to a 32-bit boundary.
        var itemsLength = 2 + cname.Length + 1;
        var chunkLength = 4 + ((itemsLength + 3) & ~3);
        var length = HeaderSize + chunkLength;
        WriteHeader(destination, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = CnameItem;
        destination[9] = (byte)cname.Length;
        cname.CopyTo(destination[10..]);
        destination[(10 + cname.Length)..length].Clear();
        return length;
    }

    private static void WriteHeader(Span<byte> destination, int count, byte packetType, int length)
    {
        destination[0] = (byte)((RtpHeader.Version << 6) | count);
        destination[1] = packetType;
        // The length field counts 32-bit words less one.
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)(length / 4 - 1));
    }
}
