using System.Net;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.WebRtc;
using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Media.WebRtc.Ice;
using static Switchboard.Media.Tests.WebRtc.CapturedBrowserOffers;

namespace Switchboard.Media.Tests.WebRtc;

public class WebRtcAnswererTests
{
    private const string OurFingerprint = "sha-256 0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9";

    private static readonly WebRtcLocalMedia Us = new(
        IPAddress.Parse("192.0.2.10"),
        40000,
        new IceCredentials("sbUfrag1", "switchboardPassword0123+"),
        CertificateFingerprint.Parse(OurFingerprint),
        SessionId: 4242,
        SessionVersion: 1);

    [Fact]
    public void Chromium_audio_offer_is_answered_with_PCMU_and_telephone_events_from_an_ice_lite_DTLS_server()
    {
        var answer = Answer(Parse(ChromiumAudio));

        Assert.Equal(
            [
                "v=0",
                "o=- 4242 1 IN IP4 192.0.2.10",
                "s=-",
                "c=IN IP4 192.0.2.10",
                "t=0 0",
                "a=group:BUNDLE 0",
                "a=ice-lite",
                "m=audio 40000 UDP/TLS/RTP/SAVPF 0 126",
                "a=mid:0",
                "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:126 telephone-event/8000",
                "a=fmtp:126 0-15",
                "a=sendrecv",
                "a=rtcp-mux",
                "a=ice-ufrag:sbUfrag1",
                "a=ice-pwd:switchboardPassword0123+",
                "a=fingerprint:" + OurFingerprint,
                "a=setup:passive",
                "a=candidate:1 1 udp 2130706431 192.0.2.10 40000 typ host",
                "a=end-of-candidates",
                "",
            ],
            answer.Description.ToString().Split("\r\n"));
    }

    [Fact]
    public void Answer_tells_the_leg_the_format_the_browsers_ufrag_and_the_certificate_to_expect()
    {
        var answer = Answer(Parse(ChromiumAudio));

        Assert.Equal(new RtpMediaFormat(AudioEncoding.Pcmu, 0, 126), answer.Format);
        Assert.Equal("M/PM", answer.RemoteUsernameFragment);
        Assert.Equal(
            "sha-256 18:D2:3F:EE:1D:CB:F4:F9:69:E2:15:DE:A1:EE:D2:77:13:CC:8C:5A:EF:9D:8F:9C:AF:24:6D:A0:D7:E1:D2:20",
            answer.RemoteFingerprint.ToString());
    }

    [Fact]
    public void Video_and_data_channel_are_refused_with_port_0_in_the_offers_order()
    {
        var answer = Answer(Parse(ChromiumAudioVideoAndData));

        Assert.Equal(
            [("audio", 40000, "0"), ("video", 0, "1"), ("application", 0, "2")],
            answer.Description.Media.Select(media => (media.Media, media.Port, media.FindAttribute("mid"))));
        Assert.Equal("webrtc-datachannel", Assert.Single(answer.Description.Media[2].Formats));
        Assert.Contains(new SdpAttribute("group", "BUNDLE 0"), answer.Description.Attributes);
    }

    [Fact]
    public void Browser_preferring_PCMA_gets_PCMA()
    {
        var offer = ParseWith(ChromiumAudio, "SAVPF 111 63 9 0 8", "SAVPF 111 63 9 8 0");

        Assert.Equal(new RtpMediaFormat(AudioEncoding.Pcma, 8, 126), Answer(offer).Format);
    }

    [Fact]
    public void Offer_without_telephone_events_is_answered_without_them()
    {
        var offer = ParseWithout(ChromiumAudio, line => line.Contains("telephone-event", StringComparison.Ordinal));

        var answer = Answer(offer);

        Assert.Null(answer.Format.TelephoneEventPayloadType);
        Assert.Equal(["0"], answer.Description.Media[0].Formats);
    }

    [Fact]
    public void Offer_without_a_BUNDLE_group_gets_no_group_back()
    {
        var answer = Answer(ParseWithout(ChromiumAudio, line => line.StartsWith("a=group:", StringComparison.Ordinal)));

        Assert.DoesNotContain(answer.Description.Attributes, attribute => attribute.Name == "group");
        Assert.Equal("0", answer.Description.Media[0].FindAttribute("mid"));
    }

    [Fact]
    public void Fingerprint_and_ICE_credentials_written_for_the_whole_session_are_read_too()
    {
        var moved = ChromiumAudio.Split("\r\n").ToList();
        var sessionLines = moved.Where(line => line.StartsWith("a=fingerprint:", StringComparison.Ordinal)
            || line.StartsWith("a=ice-", StringComparison.Ordinal)).ToList();
        moved.RemoveAll(sessionLines.Contains);
        moved.InsertRange(moved.IndexOf("t=0 0") + 1, sessionLines);

        var answer = Answer(Parse(string.Join("\r\n", moved)));

        Assert.Equal("M/PM", answer.RemoteUsernameFragment);
        Assert.StartsWith("sha-256 18:D2:3F", answer.RemoteFingerprint.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("active")]
    [InlineData(null)]
    public void Offer_that_is_active_or_silent_about_setup_makes_us_the_passive_side(string? setup)
    {
        var offer = setup is null
            ? ParseWithout(ChromiumAudio, line => line.StartsWith("a=setup:", StringComparison.Ordinal))
            : ParseWith(ChromiumAudio, "a=setup:actpass", $"a=setup:{setup}");

        Assert.Equal("passive", Answer(offer).Description.Media[0].FindAttribute("setup"));
    }

    [Fact]
    public void Offer_without_a_fingerprint_is_refused()
    {
        var refusal = Refuse(ParseWithout(ChromiumAudio, line => line.StartsWith("a=fingerprint:", StringComparison.Ordinal)));

        Assert.Equal(OfferRefusalReason.MissingFingerprint, refusal.Reason);
    }

    [Fact]
    public void Offer_with_only_a_SHA_1_fingerprint_is_refused()
    {
        var offer = ParseWith(ChromiumAudio, "a=fingerprint:sha-256 18:D2:3F:EE:1D:CB:F4:F9:69:E2:15:DE:A1:EE:D2:77:13:CC:8C:5A:EF:9D:8F:9C:AF:24:6D:A0:D7:E1:D2:20", "a=fingerprint:sha-1 18:D2:3F:EE:1D:CB:F4:F9:69:E2:15:DE:A1:EE:D2:77:13:CC:8C:5A");

        Assert.Equal(OfferRefusalReason.MissingFingerprint, Refuse(offer).Reason);
    }

    [Fact]
    public void Offer_without_rtcp_mux_is_refused()
    {
        var refusal = Refuse(ParseWithout(ChromiumAudio, line => line == "a=rtcp-mux"));

        Assert.Equal(OfferRefusalReason.MissingRtcpMux, refusal.Reason);
    }

    [Fact]
    public void Offer_without_PCMU_or_PCMA_is_refused_naming_what_it_offered()
    {
        var offer = ParseWithout(
            ParseWith(ChromiumAudio, "SAVPF 111 63 9 0 8 13", "SAVPF 111 63 9 13").ToString(),
            line => line is "a=rtpmap:0 PCMU/8000" or "a=rtpmap:8 PCMA/8000");

        var refusal = Refuse(offer);

        Assert.Equal(OfferRefusalReason.NoCommonCodec, refusal.Reason);
        Assert.Contains("opus, red, G722, CN", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("passive")]
    [InlineData("holdconn")]
    public void Offer_that_will_not_let_us_be_the_DTLS_server_is_refused(string setup)
    {
        var refusal = Refuse(ParseWith(ChromiumAudio, "a=setup:actpass", $"a=setup:{setup}"));

        Assert.Equal(OfferRefusalReason.UnsupportedDtlsSetup, refusal.Reason);
        Assert.Contains(setup, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_without_ICE_credentials_is_refused()
    {
        var refusal = Refuse(ParseWithout(ChromiumAudio, line => line.StartsWith("a=ice-pwd:", StringComparison.Ordinal)));

        Assert.Equal(OfferRefusalReason.MissingIceCredentials, refusal.Reason);
    }

    [Fact]
    public void Plain_RTP_offer_is_refused_as_having_no_secure_audio()
    {
        var refusal = Refuse(Parse(ChromiumAudio.Replace("UDP/TLS/RTP/SAVPF", "RTP/AVP", StringComparison.Ordinal)));

        Assert.Equal(OfferRefusalReason.NoAudioStream, refusal.Reason);
    }

    private static WebRtcAnswer Answer(SessionDescription offer)
    {
        Assert.True(WebRtcAnswerer.TryAnswer(offer, Us, out var answer, out var refusal), refusal?.Message);
        return answer;
    }

    private static OfferRefusal Refuse(SessionDescription offer)
    {
        Assert.False(WebRtcAnswerer.TryAnswer(offer, Us, out _, out var refusal));
        return refusal;
    }
}
