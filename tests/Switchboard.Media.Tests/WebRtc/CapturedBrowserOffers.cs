using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.WebRtc;

/// <summary>
/// Offers of Chromium 156 (Debian), captured from a page run headless on this machine:
/// <c>pc.addTransceiver('audio')</c>, then <c>createOffer</c> and <c>setLocalDescription</c> after ICE gathering
/// (its host candidates are mDNS names). The second page also added a video transceiver and a data channel.
/// </summary>
internal static class CapturedBrowserOffers
{
    public const string ChromiumAudio =
        "v=0\r\n" +
        "o=- 7194705464711927872 2 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "t=0 0\r\n" +
        "a=group:BUNDLE 0\r\n" +
        "a=extmap-allow-mixed\r\n" +
        "a=msid-semantic: WMS\r\n" +
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\n" +
        "c=IN IP4 0.0.0.0\r\n" +
        "a=rtcp:9 IN IP4 0.0.0.0\r\n" +
        "a=candidate:3458985417 1 udp 2113937151 48cbfc47-bb31-46c7-9744-36029a0c6641.local 41092 typ host generation 0 network-cost 999\r\n" +
        "a=candidate:3378086265 1 udp 2113942271 8c3913f7-0992-431a-90d4-55c0b3f7fd6f.local 53978 typ host generation 0 network-cost 999\r\n" +
        "a=ice-ufrag:M/PM\r\n" +
        "a=ice-pwd:nLppdE9ZbM6V3p4vX+9YWu5y\r\n" +
        "a=ice-options:trickle\r\n" +
        "a=fingerprint:sha-256 18:D2:3F:EE:1D:CB:F4:F9:69:E2:15:DE:A1:EE:D2:77:13:CC:8C:5A:EF:9D:8F:9C:AF:24:6D:A0:D7:E1:D2:20\r\n" +
        "a=setup:actpass\r\n" +
        "a=mid:0\r\n" +
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n" +
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n" +
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n" +
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n" +
        "a=sendrecv\r\n" +
        "a=msid:- 4c3ecc91-dd05-4cde-bd28-78a0cf611bcf\r\n" +
        "a=rtcp-mux\r\n" +
        "a=rtcp-rsize\r\n" +
        "a=rtcp-xr:rcvr-rtt=all\r\n" +
        "a=rtpmap:111 opus/48000/2\r\n" +
        "a=rtcp-fb:111 transport-cc\r\n" +
        "a=fmtp:111 minptime=10;useinbandfec=1\r\n" +
        "a=rtpmap:63 red/48000/2\r\n" +
        "a=fmtp:63 111/111\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:13 CN/8000\r\n" +
        "a=rtpmap:110 telephone-event/48000\r\n" +
        "a=rtpmap:126 telephone-event/8000\r\n" +
        "a=ssrc:2592982302 cname:omIGlknLzOVLuZ61\r\n" +
        "a=ssrc:2592982302 msid:- 4c3ecc91-dd05-4cde-bd28-78a0cf611bcf\r\n";

    public const string ChromiumAudioVideoAndData =
        "v=0\r\n" +
        "o=- 1758279057195667132 2 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "t=0 0\r\n" +
        "a=group:BUNDLE 0 1 2\r\n" +
        "a=extmap-allow-mixed\r\n" +
        "a=msid-semantic: WMS\r\n" +
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\n" +
        "c=IN IP4 0.0.0.0\r\n" +
        "a=rtcp:9 IN IP4 0.0.0.0\r\n" +
        "a=candidate:700902905 1 udp 2113937151 9da7a5e7-46b9-4664-beb9-fb035c8d4b0c.local 33877 typ host generation 0 network-cost 999\r\n" +
        "a=candidate:913196285 1 udp 2113942271 cbfced89-929c-4ea7-96e9-17a687c85b40.local 49000 typ host generation 0 network-cost 999\r\n" +
        "a=ice-ufrag:3Dxm\r\n" +
        "a=ice-pwd:2sgU2mnD4bBpz7HrFInbEZh4\r\n" +
        "a=ice-options:trickle\r\n" +
        "a=fingerprint:sha-256 CC:5E:28:09:7A:E7:BE:E7:77:25:74:94:7A:49:CE:57:11:DB:45:53:35:63:18:AA:7E:B4:A9:40:F9:34:AD:AF\r\n" +
        "a=setup:actpass\r\n" +
        "a=mid:0\r\n" +
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n" +
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n" +
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n" +
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n" +
        "a=sendrecv\r\n" +
        "a=msid:- ce2f8c8f-00ac-47f3-8838-f3c5cde59fea\r\n" +
        "a=rtcp-mux\r\n" +
        "a=rtcp-rsize\r\n" +
        "a=rtcp-xr:rcvr-rtt=all\r\n" +
        "a=rtpmap:111 opus/48000/2\r\n" +
        "a=rtcp-fb:111 transport-cc\r\n" +
        "a=fmtp:111 minptime=10;useinbandfec=1\r\n" +
        "a=rtpmap:63 red/48000/2\r\n" +
        "a=fmtp:63 111/111\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:13 CN/8000\r\n" +
        "a=rtpmap:110 telephone-event/48000\r\n" +
        "a=rtpmap:126 telephone-event/8000\r\n" +
        "a=ssrc:3731625158 cname:180fj4K6za9uOd2D\r\n" +
        "a=ssrc:3731625158 msid:- ce2f8c8f-00ac-47f3-8838-f3c5cde59fea\r\n" +
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 107 108 109 114 115 116 117 39 40 45 46 98 99 100 101 118 119 120\r\n" +
        "c=IN IP4 0.0.0.0\r\n" +
        "a=rtcp:9 IN IP4 0.0.0.0\r\n" +
        "a=candidate:700902905 1 udp 2113937151 9da7a5e7-46b9-4664-beb9-fb035c8d4b0c.local 36468 typ host generation 0 network-cost 999\r\n" +
        "a=candidate:913196285 1 udp 2113942271 cbfced89-929c-4ea7-96e9-17a687c85b40.local 40437 typ host generation 0 network-cost 999\r\n" +
        "a=ice-ufrag:3Dxm\r\n" +
        "a=ice-pwd:2sgU2mnD4bBpz7HrFInbEZh4\r\n" +
        "a=ice-options:trickle\r\n" +
        "a=fingerprint:sha-256 CC:5E:28:09:7A:E7:BE:E7:77:25:74:94:7A:49:CE:57:11:DB:45:53:35:63:18:AA:7E:B4:A9:40:F9:34:AD:AF\r\n" +
        "a=setup:actpass\r\n" +
        "a=mid:1\r\n" +
        "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset\r\n" +
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n" +
        "a=extmap:13 urn:3gpp:video-orientation\r\n" +
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n" +
        "a=extmap:5 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay\r\n" +
        "a=extmap:6 http://www.webrtc.org/experiments/rtp-hdrext/video-content-type\r\n" +
        "a=extmap:7 http://www.webrtc.org/experiments/rtp-hdrext/video-timing\r\n" +
        "a=extmap:8 http://www.webrtc.org/experiments/rtp-hdrext/color-space\r\n" +
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n" +
        "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n" +
        "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n" +
        "a=sendrecv\r\n" +
        "a=msid:- 0765df74-67e9-40b9-bb99-20b5fb267323\r\n" +
        "a=rtcp-mux\r\n" +
        "a=rtcp-rsize\r\n" +
        "a=rtcp-xr:rcvr-rtt=all\r\n" +
        "a=rtpmap:96 VP8/90000\r\n" +
        "a=rtcp-fb:96 goog-remb\r\n" +
        "a=rtcp-fb:96 transport-cc\r\n" +
        "a=rtcp-fb:96 ccm fir\r\n" +
        "a=rtcp-fb:96 nack\r\n" +
        "a=rtcp-fb:96 nack pli\r\n" +
        "a=rtpmap:97 rtx/90000\r\n" +
        "a=fmtp:97 apt=96\r\n" +
        "a=rtpmap:102 H264/90000\r\n" +
        "a=rtcp-fb:102 goog-remb\r\n" +
        "a=rtcp-fb:102 transport-cc\r\n" +
        "a=rtcp-fb:102 ccm fir\r\n" +
        "a=rtcp-fb:102 nack\r\n" +
        "a=rtcp-fb:102 nack pli\r\n" +
        "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f\r\n" +
        "a=rtpmap:103 rtx/90000\r\n" +
        "a=fmtp:103 apt=102\r\n" +
        "a=rtpmap:104 H264/90000\r\n" +
        "a=rtcp-fb:104 goog-remb\r\n" +
        "a=rtcp-fb:104 transport-cc\r\n" +
        "a=rtcp-fb:104 ccm fir\r\n" +
        "a=rtcp-fb:104 nack\r\n" +
        "a=rtcp-fb:104 nack pli\r\n" +
        "a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f\r\n" +
        "a=rtpmap:107 rtx/90000\r\n" +
        "a=fmtp:107 apt=104\r\n" +
        "a=rtpmap:108 H264/90000\r\n" +
        "a=rtcp-fb:108 goog-remb\r\n" +
        "a=rtcp-fb:108 transport-cc\r\n" +
        "a=rtcp-fb:108 ccm fir\r\n" +
        "a=rtcp-fb:108 nack\r\n" +
        "a=rtcp-fb:108 nack pli\r\n" +
        "a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n" +
        "a=rtpmap:109 rtx/90000\r\n" +
        "a=fmtp:109 apt=108\r\n" +
        "a=rtpmap:114 H264/90000\r\n" +
        "a=rtcp-fb:114 goog-remb\r\n" +
        "a=rtcp-fb:114 transport-cc\r\n" +
        "a=rtcp-fb:114 ccm fir\r\n" +
        "a=rtcp-fb:114 nack\r\n" +
        "a=rtcp-fb:114 nack pli\r\n" +
        "a=fmtp:114 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f\r\n" +
        "a=rtpmap:115 rtx/90000\r\n" +
        "a=fmtp:115 apt=114\r\n" +
        "a=rtpmap:116 H264/90000\r\n" +
        "a=rtcp-fb:116 goog-remb\r\n" +
        "a=rtcp-fb:116 transport-cc\r\n" +
        "a=rtcp-fb:116 ccm fir\r\n" +
        "a=rtcp-fb:116 nack\r\n" +
        "a=rtcp-fb:116 nack pli\r\n" +
        "a=fmtp:116 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f\r\n" +
        "a=rtpmap:117 rtx/90000\r\n" +
        "a=fmtp:117 apt=116\r\n" +
        "a=rtpmap:39 H264/90000\r\n" +
        "a=rtcp-fb:39 goog-remb\r\n" +
        "a=rtcp-fb:39 transport-cc\r\n" +
        "a=rtcp-fb:39 ccm fir\r\n" +
        "a=rtcp-fb:39 nack\r\n" +
        "a=rtcp-fb:39 nack pli\r\n" +
        "a=fmtp:39 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=4d001f\r\n" +
        "a=rtpmap:40 rtx/90000\r\n" +
        "a=fmtp:40 apt=39\r\n" +
        "a=rtpmap:45 AV1/90000\r\n" +
        "a=rtcp-fb:45 goog-remb\r\n" +
        "a=rtcp-fb:45 transport-cc\r\n" +
        "a=rtcp-fb:45 ccm fir\r\n" +
        "a=rtcp-fb:45 nack\r\n" +
        "a=rtcp-fb:45 nack pli\r\n" +
        "a=fmtp:45 level-idx=5;profile=0;tier=0\r\n" +
        "a=rtpmap:46 rtx/90000\r\n" +
        "a=fmtp:46 apt=45\r\n" +
        "a=rtpmap:98 VP9/90000\r\n" +
        "a=rtcp-fb:98 goog-remb\r\n" +
        "a=rtcp-fb:98 transport-cc\r\n" +
        "a=rtcp-fb:98 ccm fir\r\n" +
        "a=rtcp-fb:98 nack\r\n" +
        "a=rtcp-fb:98 nack pli\r\n" +
        "a=fmtp:98 profile-id=0\r\n" +
        "a=rtpmap:99 rtx/90000\r\n" +
        "a=fmtp:99 apt=98\r\n" +
        "a=rtpmap:100 VP9/90000\r\n" +
        "a=rtcp-fb:100 goog-remb\r\n" +
        "a=rtcp-fb:100 transport-cc\r\n" +
        "a=rtcp-fb:100 ccm fir\r\n" +
        "a=rtcp-fb:100 nack\r\n" +
        "a=rtcp-fb:100 nack pli\r\n" +
        "a=fmtp:100 profile-id=2\r\n" +
        "a=rtpmap:101 rtx/90000\r\n" +
        "a=fmtp:101 apt=100\r\n" +
        "a=rtpmap:118 red/90000\r\n" +
        "a=rtpmap:119 rtx/90000\r\n" +
        "a=fmtp:119 apt=118\r\n" +
        "a=rtpmap:120 ulpfec/90000\r\n" +
        "a=ssrc-group:FID 2704687456 3143148275\r\n" +
        "a=ssrc:2704687456 cname:180fj4K6za9uOd2D\r\n" +
        "a=ssrc:2704687456 msid:- 0765df74-67e9-40b9-bb99-20b5fb267323\r\n" +
        "a=ssrc:3143148275 cname:180fj4K6za9uOd2D\r\n" +
        "a=ssrc:3143148275 msid:- 0765df74-67e9-40b9-bb99-20b5fb267323\r\n" +
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n" +
        "c=IN IP4 0.0.0.0\r\n" +
        "a=candidate:700902905 1 udp 2113937151 9da7a5e7-46b9-4664-beb9-fb035c8d4b0c.local 35366 typ host generation 0 network-cost 999\r\n" +
        "a=ice-ufrag:3Dxm\r\n" +
        "a=ice-pwd:2sgU2mnD4bBpz7HrFInbEZh4\r\n" +
        "a=ice-options:trickle\r\n" +
        "a=fingerprint:sha-256 CC:5E:28:09:7A:E7:BE:E7:77:25:74:94:7A:49:CE:57:11:DB:45:53:35:63:18:AA:7E:B4:A9:40:F9:34:AD:AF\r\n" +
        "a=setup:actpass\r\n" +
        "a=mid:2\r\n" +
        "a=sctp-port:5000\r\n" +
        "a=max-message-size:262144\r\n";

    public static SessionDescription Parse(string text)
    {
        Assert.True(SessionDescription.TryParse(text, out var description, out var error), error);
        return description;
    }

    /// <summary>The offer with every line for which <paramref name="drop"/> holds left out.</summary>
    public static SessionDescription ParseWithout(string text, Func<string, bool> drop) =>
        Parse(string.Join("\r\n", text.Split("\r\n").Where(line => !drop(line))));

    /// <summary>The offer with <paramref name="from"/> replaced by <paramref name="to"/> wherever it is.</summary>
    public static SessionDescription ParseWith(string text, string from, string to) =>
        Parse(text.Replace(from, to, StringComparison.Ordinal));
}
