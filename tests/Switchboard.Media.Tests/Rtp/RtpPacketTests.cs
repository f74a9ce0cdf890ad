using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class RtpPacketTests
{
    [Fact]
    public void Header_is_laid_out_as_RFC_3550_draws_it()
    {
        var buffer = new byte[64];
        var length = RtpPacketWriter.Write(buffer, new RtpHeader(8, 0x1234, 0xDEADBEEF, 0x01020304, Marker: true), [0xAA, 0xBB]);

        Assert.Equal(
            [0x80, 0x88, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03, 0x04, 0xAA, 0xBB],
            buffer[..length]);
    }

    [Fact]
    public void Plain_packet_reads_back_as_written()
    {
        var header = new RtpHeader(0, 65535, uint.MaxValue, 0xCAFEBABE);
        var buffer = new byte[200];
        var length = RtpPacketWriter.Write(buffer, header, new byte[160]);

        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet));

        Assert.Equal(header, packet.Header);
        Assert.Equal(160, packet.Payload.Length);
        Assert.False(packet.Padding);
        Assert.False(packet.HasExtension);
        Assert.Equal(0, packet.CsrcCount);
    }

    [Fact]
    public void Packet_with_contributing_sources_extension_and_padding_reads_back_as_written()
    {
        var header = new RtpHeader(101, 7, 8000, 42, Marker: true);
        var buffer = new byte[200];
        byte[] extension = [1, 2, 3, 4, 5, 6, 7, 8];
        byte[] payload = [9, 8, 7];
        var length = RtpPacketWriter.Write(buffer, header, [11u, 22u], 0xBEDE, extension, payload, paddingLength: 5);

        Assert.Equal(12 + 8 + 4 + 8 + 3 + 5, length);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet));

        Assert.Equal(header, packet.Header);
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal([11u, 22u], [packet.GetCsrc(0), packet.GetCsrc(1)]);
        Assert.True(packet.HasExtension);
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal(extension, packet.Extension.ToArray());
        Assert.True(packet.Padding);
        Assert.Equal(payload, packet.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00, 0x00, 0x01 })]
    [InlineData(new byte[] { 0x40, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x82, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE, 0xDE, 0, 2, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 9 })]
    [InlineData(new byte[] { 0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0 })]
    public void Truncated_or_foreign_datagram_is_not_taken_for_RTP(byte[] datagram)
    {
        Assert.False(RtpPacket.TryParse(datagram, out _));
    }
}
