using System.Net;
using System.Security.Cryptography;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Transport;

namespace Switchboard.Telephony.Calls;

/// <summary>One side of a call: a SIP dialog (once answered; none for a webphone) and the RTP session its audio travels on.</summary>
internal abstract class Leg : IAsyncDisposable
{
    private LocalMedia _local;
    private RtpSessionStatistics? _finalStatistics;
    // Since when the peer's audio is expected (answered, not on hold); null while none is.
    private DateTimeOffset? _audioExpectedSince;

    protected Leg(RtpSession media, IPAddress mediaAddress, string sipCallId, SipTransportAddress? peer)
    {
        Media = media;
        SipCallId = sipCallId;
        Peer = peer;
        _local = new LocalMedia(mediaAddress, media.LocalRtpEndPoint.Port, BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 2, 1);
    }

    public RtpSession Media { get; }

    public string SipCallId { get; }

    /// <summary>
    /// Where this leg's requests go: the address its peer's messages come from, which also gets through NAT. Null for
    /// a webphone leg, which has no SIP: the workspace signals for it.
    /// </summary>
    public SipTransportAddress? Peer { get; }

    public SipDialog? Dialog { get; set; }

    /// <summary>The leg's session timer (RFC 4028), once its dialog has one.</summary>
    public LegSessionTimer? SessionTimer { get; set; }

    /// <summary>Our side as last described to the peer.</summary>
    public LocalMedia Local => _local;

    /// <summary>The traffic so far, or at the end once the leg's media is closed.</summary>
    public RtpSessionStatistics Statistics => _finalStatistics ?? Media.Statistics;

    /// <summary>
    /// The peer's audio is expected from <paramref name="now"/> on, unless it holds the call (a phone on hold sends
    /// nothing). A webphone leg is not watched this way: its ICE consent tells whether the browser is there.
    /// </summary>
    public void ExpectAudio(DateTimeOffset now, bool peerHolds) => _audioExpectedSince = peerHolds || Peer is null ? null : now;

    /// <summary>Whether the peer's audio was expected and none came for <paramref name="timeout"/>.</summary>
    public bool IsSilentFor(TimeSpan timeout, DateTimeOffset now) =>
        _audioExpectedSince is { } since && Media.SinceLastReceived >= timeout && now - since >= timeout;

    /// <summary>Our description for a new offer or answer on this leg: the same session with the next version (RFC 3264 §8).</summary>
    public LocalMedia NextLocal()
    {
        _local = _local with { SessionVersion = _local.SessionVersion + 1 };
        return _local;
    }

    public async ValueTask DisposeAsync()
    {
        _finalStatistics ??= Media.Statistics;
        SessionTimer?.Dispose();
        ReleaseTimers();
        await Media.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the leg's own timers, so that none fires for a leg that is gone.</summary>
    protected virtual void ReleaseTimers()
    {
    }
}
