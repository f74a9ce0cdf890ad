using System.Net;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.Sdp;

public class OfferAnswerTests
{
    private static readonly LocalMedia Us = new(IPAddress.Parse("192.0.2.10"), 30000, SessionId: 4242, SessionVersion: 1);

    [Fact]
    public void Baresip_offer_is_answered_with_PCMU_its_first_G711_and_its_telephone_event()
    {
        var offer = CapturedOffers.Parse(CapturedOffers.Baresip);

        Assert.True(OfferAnswer.TryAnswer(offer, Us, out var answer, out _));

        Assert.Equal(new RtpMediaFormat(AudioEncoding.Pcmu, 0, 101), answer.Audio.Format);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 35068), answer.Audio.RemoteRtp);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 35069), answer.Audio.RemoteRtcp);
        Assert.Equal(MediaDirection.SendReceive, answer.Audio.Direction);
        Assert.Equal(
            "v=0\r\n" +
            "o=- 4242 1 IN IP4 192.0.2.10\r\n" +
            "s=-\r\n" +
            "c=IN IP4 192.0.2.10\r\n" +
            "t=0 0\r\n" +
            "m=audio 30000 RTP/AVP 0 101\r\n" +
            "a=rtpmap:0 PCMU/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n" +
            "a=fmtp:101 0-15\r\n" +
            "a=ptime:20\r\n" +
            "a=sendrecv\r\n",
            answer.Description.ToString());
    }

    [Fact]
    public void Sipp_offer_without_telephone_event_is_answered_with_PCMU_alone()
    {
        Assert.True(OfferAnswer.TryAnswer(CapturedOffers.Parse(CapturedOffers.Sipp), Us, out var answer, out _));

        Assert.Equal(new RtpMediaFormat(AudioEncoding.Pcmu, 0), answer.Audio.Format);
        Assert.Equal(["0"], Assert.Single(answer.Description.Media).Formats);
    }

    [Fact]
    public void Offer_preferring_PCMA_is_answered_with_PCMA()
    {
        var offer = CapturedOffers.Parse(Offer("m=audio 4000 RTP/AVP 8 0 101", "a=rtpmap:101 telephone-event/8000"));

        Assert.True(OfferAnswer.TryAnswer(offer, Us, out var answer, out _));

        Assert.Equal(new RtpMediaFormat(AudioEncoding.Pcma, 8, 101), answer.Audio.Format);
    }

    [Fact]
    public void Dynamic_payload_types_of_the_offer_are_kept()
    {
        var offer = CapturedOffers.Parse(Offer("m=audio 4000 RTP/AVP 97 96", "a=rtpmap:97 pcma/8000", "a=rtpmap:96 telephone-event/8000"));

        Assert.True(OfferAnswer.TryAnswer(offer, Us, out var answer, out _));

        Assert.Equal(new RtpMediaFormat(AudioEncoding.Pcma, 97, 96), answer.Audio.Format);
        Assert.Equal(["97", "96"], answer.Description.Media[0].Formats);
    }

    [Fact]
    public void Offer_with_only_wideband_codecs_is_refused_naming_them()
    {
        var offer = CapturedOffers.Parse(Offer("m=audio 4000 RTP/AVP 9 96 101", "a=rtpmap:9 G722/8000", "a=rtpmap:96 opus/48000/2", "a=rtpmap:101 telephone-event/8000"));

        Assert.False(OfferAnswer.TryAnswer(offer, Us, out _, out var refusal));

        Assert.Equal(OfferRefusalReason.NoCommonCodec, refusal.Reason);
        Assert.Equal("no common codec: offered G722, opus, telephone-event; supported PCMU/8000, PCMA/8000", refusal.Message);
    }

    [Fact]
    public void Offer_without_audio_is_refused()
    {
        var offer = CapturedOffers.Parse(Offer("m=video 5000 RTP/AVP 31"));

        Assert.False(OfferAnswer.TryAnswer(offer, Us, out _, out var refusal));

        Assert.Equal(OfferRefusalReason.NoAudioStream, refusal.Reason);
    }

    [Fact]
    public void Video_beside_audio_is_refused_with_port_0_and_the_streams_stay_in_order()
    {
        var offer = CapturedOffers.Parse(Offer("m=video 5000 RTP/AVP 31", "m=audio 4000 RTP/AVP 0"));

        Assert.True(OfferAnswer.TryAnswer(offer, Us, out var answer, out _));

        var media = answer.Description.Media;
        Assert.Equal(("video", 0, "31"), (media[0].Media, media[0].Port, media[0].Formats[0]));
        Assert.Equal(("audio", 30000), (media[1].Media, media[1].Port));
    }

    [Theory]
    [InlineData("a=sendonly", MediaDirection.SendReceive, MediaDirection.ReceiveOnly)]
    [InlineData("a=recvonly", MediaDirection.SendReceive, MediaDirection.SendOnly)]
    [InlineData("a=inactive", MediaDirection.SendReceive, MediaDirection.Inactive)]
    [InlineData("a=sendrecv", MediaDirection.SendOnly, MediaDirection.SendOnly)]
    [InlineData("a=sendonly", MediaDirection.SendOnly, MediaDirection.Inactive)]
    public void Answer_direction_mirrors_the_offer_within_what_we_want(string offered, MediaDirection wanted, MediaDirection answered)
    {
        var offer = CapturedOffers.Parse(Offer("m=audio 4000 RTP/AVP 0", offered));

        Assert.True(OfferAnswer.TryAnswer(offer, Us with { Direction = wanted }, out var answer, out _));

        Assert.Equal(answered, answer.Audio.Direction);
        Assert.Equal(answered, answer.Description.Media[0].Direction);
    }

    [Fact]
    public void Hold_with_address_0_0_0_0_leaves_nowhere_to_send()
    {
        var offer = CapturedOffers.Parse(Offer("m=audio 4000 RTP/AVP 0").Replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0", StringComparison.Ordinal));

        Assert.True(OfferAnswer.TryAnswer(offer, Us, out var answer, out _));

        Assert.Null(answer.Audio.RemoteRtp);
        Assert.Null(answer.Audio.RemoteRtcp);
    }

    [Fact]
    public void Our_offer_carries_both_laws_and_telephone_event_and_reads_back_through_an_answer()
    {
        var offer = OfferAnswer.CreateOffer(Us, [AudioEncoding.Pcma, AudioEncoding.Pcmu]);
        var text = offer.ToString();
        Assert.Contains("m=audio 30000 RTP/AVP 8 0 101\r\n", text, StringComparison.Ordinal);
        Assert.Contains("a=fmtp:101 0-16\r\n", text, StringComparison.Ordinal);

        // The peer answers as we would: its answer is what the agent's phone would send back.
        var agent = new LocalMedia(IPAddress.Parse("192.0.2.77"), 16384, 9, 1);
        Assert.True(OfferAnswer.TryAnswer(CapturedOffers.Parse(text), agent, out var answer, out _));
        Assert.True(OfferAnswer.TryReadAnswer(CapturedOffers.Parse(answer.Description.ToString()), out var audio, out _));

        Assert.Equal(new RtpMediaFormat(AudioEncoding.Pcma, 8, 101), audio.Format);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.77"), 16384), audio.RemoteRtp);
        Assert.Equal(MediaDirection.SendReceive, audio.Direction);
    }

    [Fact]
    public void Answer_that_refused_audio_is_reported()
    {
        var answer = CapturedOffers.Parse(Offer("m=audio 0 RTP/AVP 0"));

        Assert.False(OfferAnswer.TryReadAnswer(answer, out _, out var refusal));

        Assert.Equal(OfferRefusalReason.NoAudioStream, refusal.Reason);
    }

    private static string Offer(params string[] mediaLines) =>
        "v=0\r\no=- 7 7 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" + string.Join("\r\n", mediaLines) + "\r\n";
}
