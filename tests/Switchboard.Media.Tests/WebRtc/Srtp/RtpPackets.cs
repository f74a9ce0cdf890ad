using System.Buffers.Binary;

namespace Switchboard.Media.Tests.WebRtc.Srtp;

/// <summary>Plain RTP and RTCP packets to protect, with room behind them for the SRTP trailer.</summary>
internal static class RtpPackets
{
    public const int HeaderLength = 12;

    /// <summary>A PCMU packet: 12-byte header, 160 bytes of payload counting up from <paramref name="firstByte"/>.</summary>
    public static byte[] Pcmu(ushort sequenceNumber, uint ssrc, byte firstByte = 0, int spare = 16)
    {
        var packet = new byte[HeaderLength + 160 + spare];
        packet[0] = 0x80;
        packet[1] = 0x00;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequenceNumber * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        for (var i = 0; i < 160; i++)
        {
            packet[HeaderLength + i] = (byte)(firstByte + i);
        }

        return packet;
    }

    public const int PcmuLength = HeaderLength + 160;

    /// <summary>An empty receiver report (RFC 3550 §6.4.2) from <paramref name="ssrc"/>.</summary>
    public static byte[] ReceiverReport(uint ssrc, int spare = 16)
    {
        var packet = new byte[8 + spare];
        packet[0] = 0x80;
        packet[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);
        return packet;
    }

    public const int ReceiverReportLength = 8;
}
