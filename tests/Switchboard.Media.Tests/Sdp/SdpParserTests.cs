using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.Sdp;

public class SdpParserTests
{
    [Fact]
    public void Sipp_offer_reads_as_one_PCMU_stream_on_port_6000()
    {
        var offer = CapturedOffers.Parse(CapturedOffers.Sipp);

        Assert.Equal(new SdpOrigin("user1", 53655765, 2353687637, "IP4", "127.0.0.1"), offer.Origin);
        Assert.Equal(new SdpConnection("IP4", "127.0.0.1"), offer.Connection);
        var audio = Assert.Single(offer.Media);
        Assert.Equal(("audio", 6000, "RTP/AVP"), (audio.Media, audio.Port, audio.Protocol));
        Assert.Equal([0], audio.PayloadTypes);
        Assert.Equal(new RtpMap(0, "PCMU", 8000), audio.FindRtpMap(0));
        Assert.Equal(MediaDirection.SendReceive, offer.DirectionOf(audio));
    }

    [Fact]
    public void Baresip_offer_keeps_its_codec_order_and_every_attribute()
    {
        var offer = CapturedOffers.Parse(CapturedOffers.Baresip);

        var audio = Assert.Single(offer.Media);
        Assert.Equal(35068, audio.Port);
        Assert.Equal([9, 96, 0, 8, 101], audio.PayloadTypes);
        Assert.Equal(new RtpMap(96, "opus", 48000, 2), audio.FindRtpMap(96));
        Assert.Equal(new RtpMap(101, "telephone-event", 8000), audio.FindRtpMap(101));
        Assert.Equal("0-15", audio.FindFormatParameters(101));
        Assert.Equal("stereo=1;sprop-stereo=1", audio.FindFormatParameters(96));
        Assert.Equal(20, audio.Ptime);
        Assert.Equal(MediaDirection.SendReceive, audio.Direction);
        Assert.Null(audio.RtcpPort);
        Assert.Equal(new SdpAttribute("tool", "baresip 1.0.0"), Assert.Single(offer.Attributes));
    }

    [Theory]
    [InlineData(CapturedOffers.Sipp)]
    [InlineData(CapturedOffers.SippPcap)]
    [InlineData(CapturedOffers.Baresip)]
    public void Captured_offer_is_written_back_byte_for_byte(string text)
    {
        Assert.Equal(text, CapturedOffers.Parse(text).ToString());
    }

    [Fact]
    public void Lines_ending_in_LF_only_are_read_too()
    {
        var offer = CapturedOffers.Parse(CapturedOffers.Baresip.Replace("\r\n", "\n"));

        Assert.Equal([9, 96, 0, 8, 101], Assert.Single(offer.Media).PayloadTypes);
    }

    [Fact]
    public void Media_level_connection_rtcp_port_and_direction_override_the_session()
    {
        var offer = CapturedOffers.Parse(
            "v=0\r\no=- 1 1 IN IP4 198.51.100.1\r\ns=call\r\nc=IN IP4 198.51.100.1\r\nt=0 0\r\na=recvonly\r\n" +
            "m=audio 49170 RTP/AVP 8\r\nc=IN IP4 203.0.113.7\r\na=rtcp:53020 IN IP4 203.0.113.7\r\na=sendonly\r\n" +
            "m=video 51372 RTP/AVP 31\r\n");

        var audio = offer.Media[0];
        Assert.Equal("203.0.113.7", offer.ConnectionOf(audio)?.Address);
        Assert.Equal(53020, audio.RtcpPort);
        Assert.Equal(MediaDirection.SendOnly, offer.DirectionOf(audio));
        Assert.Equal(MediaDirection.ReceiveOnly, offer.DirectionOf(offer.Media[1]));
        Assert.Equal("198.51.100.1", offer.ConnectionOf(offer.Media[1])?.Address);
    }

    [Fact]
    public void Bandwidth_and_information_lines_survive_in_their_places()
    {
        const string Text =
            "v=0\r\no=- 1 2 IN IP4 192.0.2.1\r\ns=-\r\ni=support line\r\nc=IN IP4 192.0.2.1\r\nb=AS:64\r\nt=0 0\r\n" +
            "m=audio 4000/2 RTP/AVP 0\r\ni=voice\r\nc=IN IP4 192.0.2.2\r\nb=TIAS:64000\r\na=inactive\r\n";

        var description = CapturedOffers.Parse(Text);

        Assert.Equal(2, description.Media[0].PortCount);
        Assert.Equal(Text, description.ToString());
    }

    [Theory]
    [InlineData("", "no o= line")]
    [InlineData("o=- 1 1 IN IP4 192.0.2.1\r\nv=0\r\n", "does not start with v=0")]
    [InlineData("v=1\r\no=- 1 1 IN IP4 192.0.2.1\r\n", "unsupported SDP version")]
    [InlineData("v=0\r\nthis is not sdp\r\n", "line 2 is not of the form")]
    [InlineData("v=0\r\no=- one 1 IN IP4 192.0.2.1\r\n", "o= must be")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio many RTP/AVP 0\r\n", "invalid port")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio 4000 RTP/AVP\r\n", "at least one format")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nc=IP4 192.0.2.1\r\n", "c= must be")]
    public void Malformed_description_is_refused_with_the_reason(string text, string reason)
    {
        Assert.False(SessionDescription.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
