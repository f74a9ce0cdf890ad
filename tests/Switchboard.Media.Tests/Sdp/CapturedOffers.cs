namespace Switchboard.Media.Tests.Sdp;

/// <summary>
/// SDP bodies of real INVITEs, captured with a UDP listener on 127.0.0.1:5099:
/// SIPp 3.6.1 <c>sipp -sn uac -m 1 -nostdin -timeout 5s 127.0.0.1:5099</c>, and baresip 1.0.0 with the
/// g722, opus and g711 modules dialling <c>sip:service@127.0.0.1:5099</c>.
/// </summary>
internal static class CapturedOffers
{
    public const string Sipp =
        "v=0\r\n" +
        "o=user1 53655765 2353687637 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 127.0.0.1\r\n" +
        "t=0 0\r\n" +
        "m=audio 6000 RTP/AVP 0\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n";

    /// <summary>The offer of SIPp's built-in uac_pcap scenario (<c>sipp -sd uac_pcap</c>), addresses filled in.</summary>
    public const string SippPcap =
        "v=0\r\n" +
        "o=user1 53655765 2353687637 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 127.0.0.1\r\n" +
        "t=0 0\r\n" +
        "m=audio 6000 RTP/AVP 8 101\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-11,16\r\n";

    public const string Baresip =
        "v=0\r\n" +
        "o=- 1192308549 712030678 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 127.0.0.1\r\n" +
        "t=0 0\r\n" +
        "a=tool:baresip 1.0.0\r\n" +
        "m=audio 35068 RTP/AVP 9 96 0 8 101\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:96 opus/48000/2\r\n" +
        "a=fmtp:96 stereo=1;sprop-stereo=1\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=sendrecv\r\n" +
        "a=label:1\r\n" +
        "a=rtcp-rsize\r\n" +
        "a=ssrc:902887184 cname:sip:agent@127.0.0.1\r\n" +
        "a=minptime:20\r\n" +
        "a=ptime:20\r\n";

    public static Switchboard.Media.Sdp.SessionDescription Parse(string text)
    {
        Assert.True(Switchboard.Media.Sdp.SessionDescription.TryParse(text, out var description, out var error), error);
        return description;
    }
}
