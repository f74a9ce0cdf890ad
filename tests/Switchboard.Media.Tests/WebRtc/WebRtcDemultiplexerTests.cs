using Switchboard.Media.WebRtc;

namespace Switchboard.Media.Tests.WebRtc;

public class WebRtcDemultiplexerTests
{
    [Theory]
    [InlineData(0x00, 0x01, WebRtcPacketKind.Stun)] // binding request
    [InlineData(0x01, 0x01, WebRtcPacketKind.Stun)] // binding success response
    [InlineData(22, 0xFE, WebRtcPacketKind.Dtls)] // handshake record
    [InlineData(21, 0xFE, WebRtcPacketKind.Dtls)] // alert record
    [InlineData(0x80, 0x00, WebRtcPacketKind.Rtp)] // PCMU
    [InlineData(0x80, 0x08, WebRtcPacketKind.Rtp)] // PCMA
    [InlineData(0x80, 0xE5, WebRtcPacketKind.Rtp)] // marker bit and a dynamic payload type 101
    [InlineData(0x80, 200, WebRtcPacketKind.Rtcp)] // sender report
    [InlineData(0x81, 201, WebRtcPacketKind.Rtcp)] // receiver report
    [InlineData(0x40, 0x00, WebRtcPacketKind.Unknown)] // TURN channel data
    [InlineData(0x10, 0x00, WebRtcPacketKind.Unknown)] // ZRTP
    public void First_byte_tells_the_protocol(byte first, byte second, WebRtcPacketKind expected)
    {
        var datagram = new byte[20];
        datagram[0] = first;
        datagram[1] = second;

        Assert.Equal(expected, WebRtcDemultiplexer.Classify(datagram));
    }

    [Fact]
    public void Empty_datagram_is_unknown() => Assert.Equal(WebRtcPacketKind.Unknown, WebRtcDemultiplexer.Classify([]));
}
