using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Bridging;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.TestMedia;
using Switchboard.Media.Tests.WebRtc;
using Switchboard.Media.WebRtc;
using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Media.Tests.WebRtc.Ice;
using Switchboard.Media.WebRtc.Ice;
using Switchboard.Media.WebRtc.Stun;

namespace Switchboard.Media.Tests.Rtp;

/// <summary>
/// A session as a webphone leg: it answers a browser's offer, and the browser, built from the same
/// pieces, checks, shakes hands and speaks SRTP to it over real UDP on 127.0.0.1.
/// </summary>
public sealed class RtpSessionWebRtcTests : IDisposable
{
    private static readonly byte[] Voice = [.. Enumerable.Range(0, 160).Select(i => (byte)(i * 3))];

    private readonly DtlsContext _serverContext = DtlsContext.CreateForAnswering(TimeProvider.System);

    [Fact]
    public async Task Audio_sent_after_the_handshake_reaches_the_browser_and_unprotects_to_the_same_payload()
    {
        await using var legs = new LoopbackLegs();
        await using var browser = new LoopbackBrowser();
        var webphone = await AnswerAndConnectAsync(legs, browser);

        Assert.True(webphone.SendAudio(Voice, Voice.Length, marker: true));

        var heard = await browser.NextRtpAsync();
        Assert.Equal(Voice, heard.Payload);
        Assert.Equal((0, webphone.Outbound.Ssrc, true), (heard.Header.PayloadType, heard.Header.Ssrc, heard.Header.Marker));
        Assert.Equal((1, 160), (webphone.Statistics.PacketsSent, webphone.Statistics.OctetsSent));
    }

    [Fact]
    public async Task Browser_audio_reaches_the_packet_sink_and_the_statistics()
    {
        await using var legs = new LoopbackLegs();
        await using var browser = new LoopbackBrowser();
        var heard = new PacketRecorder();
        var webphone = await AnswerAndConnectAsync(legs, browser, heard);

        for (var i = 0; i < 3; i++)
        {
            browser.SendRtp(new RtpHeader(0, (ushort)(500 + i), (uint)(160 * i), 0), Voice);
        }

        var packets = await heard.NextAsync(3);
        Assert.All(packets, packet => Assert.Equal(LoopbackBrowser.Ssrc, packet.Header.Ssrc));
        Assert.All(packets, packet => Assert.Equal(Voice, packet.Payload));
        Assert.Equal([500, 501, 502], packets.Select(packet => (int)packet.Header.SequenceNumber));
        var statistics = webphone.Statistics;
        Assert.Equal((3, 480, 0, 0), (statistics.PacketsReceived, statistics.OctetsReceived, statistics.PacketsLost, statistics.PacketsIgnored));
        Assert.Equal(browser.LocalEndPoint, webphone.RemoteRtpEndPoint);
        Assert.Equal(browser.LocalEndPoint, webphone.RemoteRtcpEndPoint);
    }

    [Fact]
    public async Task Nothing_is_sent_before_the_browser_has_checked_and_shaken_hands()
    {
        await using var legs = new LoopbackLegs();
        await using var browser = new LoopbackBrowser();
        var (webphone, channel, answer) = Answer(legs, browser);

        Assert.False(webphone.SendAudio(Voice, Voice.Length));
        Assert.False(webphone.SendEvent(new TelephoneEvent(1, false, 10, 160), startOfEvent: true, 160));
        Assert.Null(webphone.RemoteRtpEndPoint);

        await ConnectAsync(browser, channel, answer);
        Assert.True(webphone.SendAudio(Voice, Voice.Length));
        var first = await browser.NextRtpAsync();

        Assert.Equal(Voice, first.Payload);
        Assert.Equal(1, webphone.Statistics.PacketsSent);
    }

    [Fact]
    public async Task Sending_stops_when_the_browser_stops_checking_and_resumes_when_it_checks_again()
    {
        await using var legs = new LoopbackLegs();
        await using var browser = new LoopbackBrowser();
        var (webphone, channel, answer) = Answer(legs, browser);
        await ConnectAsync(browser, channel, answer);

        legs.Time.Advance(IceLiteAgent.ConsentTimeout);
        var sentWithoutConsent = webphone.SendAudio(Voice, Voice.Length);
        browser.CheckAgain();
        await Eventually.HoldsAsync(() => channel.Ice.HasConsent, "the new check renews consent");

        Assert.False(sentWithoutConsent);
        Assert.True(webphone.SendAudio(Voice, Voice.Length));
        Assert.Equal(Voice, (await browser.NextRtpAsync()).Payload);
    }

    [Fact]
    public async Task Reports_travel_both_ways_as_SRTCP_on_the_media_port()
    {
        await using var legs = new LoopbackLegs();
        await using var browser = new LoopbackBrowser();
        var webphone = await AnswerAndConnectAsync(legs, browser);
        webphone.SendAudio(Voice, Voice.Length);
        await browser.NextRtpAsync();

        legs.Time.Advance(RtpSession.ReportInterval);
        var ours = await browser.NextRtcpAsync();
        var browsersReport = new byte[256];
        var aboutUs = new RtcpReportBlock(webphone.Outbound.Ssrc, 0, 0, 7, 0, 0, 0);
        browser.SendRtcp(browsersReport.AsSpan(0, RtcpWriter.WriteReport(browsersReport, LoopbackBrowser.Ssrc, null, aboutUs, "browser"u8)));

        Assert.True(RtcpReader.TryRead(ours, LoopbackBrowser.Ssrc, out var report));
        Assert.Equal((webphone.Outbound.Ssrc, 1u), (report.SenderSsrc, report.SenderInfo?.PacketCount));
        await Eventually.HoldsAsync(() => webphone.Statistics.PeerReport is not null, "the browser's report arrives");
        Assert.Equal((1, 1), (webphone.Statistics.RtcpReportsSent, webphone.Statistics.RtcpReportsReceived));
        Assert.Equal(7u, webphone.Statistics.PeerReport!.Value.ExtendedHighestSequence);
    }

    [Fact]
    public async Task Keys_pressed_in_the_browser_are_raised_as_digits()
    {
        await using var legs = new LoopbackLegs();
        await using var browser = new LoopbackBrowser();
        var webphone = await AnswerAndConnectAsync(legs, browser);
        var digits = new List<char>();
        webphone.DigitReceived += (_, e) =>
        {
            lock (digits)
            {
                digits.Add(e.Digit);
            }
        };

        // Chromium's telephone-event/8000 is payload type 126 in its offer.
        var payload = new byte[TelephoneEvent.Size];
        for (var packet = 1; packet <= 7; packet++)
        {
            new TelephoneEvent(5, End: packet >= 5, 10, (ushort)(Math.Min(packet, 5) * 160)).Write(payload);
            browser.SendRtp(new RtpHeader(126, (ushort)packet, 8000, 0, Marker: packet == 1), payload);
        }

        await Eventually.HoldsAsync(() => { lock (digits) { return digits.Count == 1; } }, "the key is raised");
        Assert.Equal('5', digits[0]);
    }

    [Fact]
    public async Task Packets_that_are_not_protected_with_the_browsers_keys_are_ignored()
    {
        await using var legs = new LoopbackLegs();
        await using var browser = new LoopbackBrowser();
        var heard = new PacketRecorder();
        var webphone = await AnswerAndConnectAsync(legs, browser, heard);
        var forged = new byte[RtpHeader.FixedSize + 160];
        RtpPacketWriter.Write(forged, new RtpHeader(0, 1, 160, LoopbackBrowser.Ssrc), new byte[160]);

        browser.Send(forged);
        browser.SendRtp(new RtpHeader(0, 2, 320, 0), Voice);

        Assert.Equal(Voice, (await heard.NextAsync()).Payload);
        await Eventually.HoldsAsync(() => webphone.Statistics.PacketsIgnored == 1, "the forged packet is counted as ignored");
        Assert.Equal(1, webphone.Statistics.PacketsReceived);
    }

    [Fact]
    public async Task A_stranger_whose_checks_lack_our_integrity_cannot_move_the_webphones_media_and_hears_none_of_it()
    {
        await using var legs = new LoopbackLegs();
        await using var browser = new LoopbackBrowser();
        var (webphone, channel, answer) = Answer(legs, browser);
        await ConnectAsync(browser, channel, answer);
        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        stranger.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        // The stranger knows even both ufrags (as from a captured SDP), but not our password.
        var username = $"{channel.Ice.LocalCredentials.UsernameFragment}:{answer.RemoteUsernameFragment}";
        var forged = new byte[RtpHeader.FixedSize + 160];
        RtpPacketWriter.Write(forged, new RtpHeader(0, 1, 0, LoopbackBrowser.Ssrc), Voice);

        for (var i = 0; i < 20; i++)
        {
            stranger.SendTo(BrowserBindingRequest.Create(username, $"guessedPassword{i:D9}", useCandidate: true), webphone.LocalRtpEndPoint);
            stranger.SendTo(forged, webphone.LocalRtpEndPoint);
        }

        await Eventually.HoldsAsync(() => webphone.Statistics.PacketsIgnored == 20, "the stranger's packets are ignored");
        Assert.True(webphone.SendAudio(Voice, Voice.Length));
        Assert.Equal(Voice, (await browser.NextRtpAsync()).Payload);
        Assert.Equal(browser.LocalEndPoint, webphone.RemoteRtpEndPoint);
        var toStranger = new byte[2048];
        while (stranger.Available > 0)
        {
            var length = stranger.Receive(toStranger);
            Assert.True(StunMessage.TryParse(toStranger.AsSpan(0, length), out var response) && response.Type == StunMessageType.BindingErrorResponse,
                "the stranger got something other than a refusal of its check");
        }
    }

    [Fact]
    public async Task Closing_the_leg_ends_the_browsers_DTLS_association()
    {
        var pool = new RtpPortPool(46010, 46013);
        await using var browser = new LoopbackBrowser();
        var time = new FakeTimeProvider();
        var webphone = RtpSession.Open(pool, IPAddress.Loopback, time);
        var (channel, answer) = AnswerOn(webphone, browser, time);
        webphone.Start();
        await ConnectAsync(browser, channel, answer);

        await webphone.DisposeAsync();

        await Eventually.HoldsAsync(() => browser.DtlsState == DtlsTransportState.Closed, "the browser hears close_notify");
        Assert.Equal(2, pool.Available);
    }

    [Fact]
    public async Task Caller_on_plain_RTP_and_webphone_hear_each_other_through_a_bridge()
    {
        await using var legs = new LoopbackLegs();
        await using var browser = new LoopbackBrowser();
        var callerHears = new PacketRecorder();
        var (caller, callerLeg) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, firstSink: callerHears);
        var webphone = await AnswerAndConnectAsync(legs, browser);
        using var bridge = new MediaBridge(callerLeg, webphone);

        caller.SendAudio(Voice, Voice.Length);
        browser.SendRtp(new RtpHeader(0, 900, 0, 0), [.. Voice.Reverse()]);

        var atBrowser = await browser.NextRtpAsync();
        var atCaller = await callerHears.NextAsync();
        Assert.Equal(webphone.Outbound.Ssrc, atBrowser.Header.Ssrc);
        Assert.Equal(Voice, atBrowser.Payload);
        Assert.Equal(callerLeg.Outbound.Ssrc, atCaller.Header.Ssrc);
        Assert.Equal(Voice.Reverse(), atCaller.Payload);
    }

    [Fact]
    public async Task A_new_browser_session_takes_the_leg_over_and_the_first_ones_packets_are_no_longer_accepted()
    {
        await using var legs = new LoopbackLegs();
        await using var first = new LoopbackBrowser();
        await using var second = new LoopbackBrowser();
        var heard = new PacketRecorder();
        var (webphone, firstChannel, firstAnswer) = Answer(legs, first, heard);
        await ConnectAsync(first, firstChannel, firstAnswer);
        first.SendRtp(new RtpHeader(0, 100, 0, 0), Voice);
        Assert.Equal(100, (await heard.NextAsync()).Header.SequenceNumber);

        // The page reloaded: its new peer connection offers again, and the same session answers it.
        var (secondChannel, secondAnswer) = AnswerOn(webphone, second, legs.Time);
        await ConnectAsync(second, secondChannel, secondAnswer);
        Assert.True(webphone.SendAudio(Voice, Voice.Length));
        var atSecond = await second.NextRtpAsync();
        first.SendRtp(new RtpHeader(0, 101, 160, 0), Voice);
        byte[] secondVoice = [.. Voice.Reverse()];
        second.SendRtp(new RtpHeader(0, 7, 0, 0), secondVoice);

        Assert.Equal(Voice, atSecond.Payload);
        var fromSecond = await heard.NextAsync();
        Assert.Equal(7, fromSecond.Header.SequenceNumber);
        Assert.Equal(secondVoice, fromSecond.Payload);
        await Eventually.HoldsAsync(() => webphone.Statistics.PacketsIgnored == 1, "the first browser's packet is ignored");
        Assert.Equal(second.LocalEndPoint, webphone.RemoteRtpEndPoint);
        Assert.Equal(2, webphone.Statistics.PacketsReceived);
        await Eventually.HoldsAsync(() => first.DtlsState == DtlsTransportState.Closed, "the first browser's association is closed");
    }

    public void Dispose() => _serverContext.Dispose();

    private async Task<RtpSession> AnswerAndConnectAsync(LoopbackLegs legs, LoopbackBrowser browser, IRtpPacketSink? sink = null)
    {
        var (webphone, channel, answer) = Answer(legs, browser, sink);
        await ConnectAsync(browser, channel, answer);
        return webphone;
    }

    /// <summary>What telephony does when the agent accepts: answer the offer, make the session a WebRTC leg, start it.</summary>
    private (RtpSession Session, WebRtcMediaChannel Channel, WebRtcAnswer Answer) Answer(LoopbackLegs legs, LoopbackBrowser browser, IRtpPacketSink? sink = null)
    {
        var webphone = legs.Open();
        var (channel, answer) = AnswerOn(webphone, browser, legs.Time);
        webphone.PacketSink = sink;
        webphone.Start();
        return (webphone, channel, answer);
    }

    private (WebRtcMediaChannel Channel, WebRtcAnswer Answer) AnswerOn(RtpSession webphone, LoopbackBrowser browser, TimeProvider time)
    {
        var ours = IceCredentials.Generate();
        var local = new WebRtcLocalMedia(IPAddress.Loopback, webphone.LocalRtpEndPoint.Port, ours, _serverContext.Certificate.Fingerprint, 1, 1);
        Assert.True(WebRtcAnswerer.TryAnswer(browser.CreateOffer(), local, out var answer, out var refusal), refusal?.Message);
        var channel = WebRtcMediaChannel.ForAnswer(answer, ours, _serverContext, webphone, time);
        webphone.UseWebRtc(channel);
        webphone.Connect(null, null, answer.Format);
        return (channel, answer);
    }

    private static async Task ConnectAsync(LoopbackBrowser browser, WebRtcMediaChannel channel, WebRtcAnswer answer)
    {
        await browser.ConnectAsync(answer.Description);

        // The browser holds its keys once our Finished arrived; ours are made just after we sent it.
        await Eventually.HoldsAsync(() => channel.IsSecure, "the leg has its SRTP keys");
    }
}
