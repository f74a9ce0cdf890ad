using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>Reads the sender and receiver reports out of a compound RTCP packet, skipping every other kind.</summary>
public static class RtcpReader
{
    /// <summary>
    /// Reads the first SR or RR in <paramref name="compound"/>, and its block about <paramref name="ourSsrc"/>.
    /// False for anything malformed or holding no report.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> compound, uint ourSsrc, out RtcpReport report)
    {
        report = default;
        while (compound.Length >= 8)
        {
            if (compound[0] >> 6 != RtpHeader.Version)
            {
                return false;
            }

            var length = (BinaryPrimitives.ReadUInt16BigEndian(compound[2..]) + 1) * 4;
            if (length > compound.Length)
            {
                return false;
            }

            var packet = compound[..length];
            var packetType = packet[1];
            if (packetType is RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport)
            {
                return TryReadReport(packet, packetType == RtcpPacketType.SenderReport, ourSsrc, out report);
            }

            compound = compound[length..];
        }

        return false;
    }

    private static bool TryReadReport(ReadOnlySpan<byte> packet, bool isSenderReport, uint ourSsrc, out RtcpReport report)
    {
        report = default;
        var blockCount = packet[0] & 0x1F;
        var offset = 8 + (isSenderReport ? RtcpSenderInfo.Size : 0);
        if (offset + blockCount * RtcpReportBlock.Size > packet.Length)
        {
            return false;
        }

        RtcpSenderInfo? senderInfo = isSenderReport
            ? new RtcpSenderInfo(
                BinaryPrimitives.ReadUInt64BigEndian(packet[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[20..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[24..]))
            : null;

        RtcpReportBlock? aboutUs = null;
        for (var i = 0; i < blockCount; i++)
        {
            var block = packet.Slice(offset + i * RtcpReportBlock.Size, RtcpReportBlock.Size);
            if (BinaryPrimitives.ReadUInt32BigEndian(block) == ourSsrc)
            {
                aboutUs = ReadBlock(block);
                break;
            }
        }

        report = new RtcpReport(BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), senderInfo, aboutUs);
        return true;
    }

    private static RtcpReportBlock ReadBlock(ReadOnlySpan<byte> block)
    {
        var lossWord = BinaryPrimitives.ReadUInt32BigEndian(block[4..]);
        // Cumulative loss is a 24-bit two's complement number (duplicates can make it negative).
        var cumulativeLost = (int)(lossWord << 8) >> 8;
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(block),
            (byte)(lossWord >> 24),
            cumulativeLost,
            BinaryPrimitives.ReadUInt32BigEndian(block[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(block[20..]));
    }
}
