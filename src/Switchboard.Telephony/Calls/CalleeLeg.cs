using System.Net;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Rtp;
using Switchboard.Media.WebRtc;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// A leg we place: to a user's device or webphone, to a forward target, or to an agent for an ACD offer.
/// <see cref="Done"/> tells the scenario how ringing ended. A webphone leg (no <see cref="Leg.Peer"/>) rings the
/// user's workspace, and its media is secured and started when the browser accepts.
/// </summary>
internal sealed class CalleeLeg(RtpSession media, IPAddress mediaAddress, string sipCallId, SipTransportAddress? peer, Guid? userId, OfferId? offerId = null)
    : Leg(media, mediaAddress, sipCallId, peer)
{
    /// <summary>The ACD's offer this leg rings for; null when the scenario or a transfer placed it.</summary>
    public OfferId? OfferId { get; } = offerId;

    /// <summary>The user called; null for a forward.</summary>
    public Guid? UserId { get; } = userId;

    public bool IsForward => UserId is null;

    public bool IsWebphone => Peer is null;

    /// <summary>The browser accepted a webphone leg (a SIP leg is answered once it has a dialog).</summary>
    public bool WebphoneAnswered { get; set; }

    public bool Answered => Dialog is not null || WebphoneAnswered;

    /// <summary>When this leg fails or is not answered the whole call ends: a transfer's target (a scenario goes on instead).</summary>
    public bool EndsCallOnFailure { get; set; }

    /// <summary>The user's workspace was told this leg rings them and not yet that it stopped.</summary>
    public bool Ringing { get; set; }

    /// <summary>The user's workspace was told they left the call.</summary>
    public bool LeftReported { get; set; }

    public InviteClientTransaction? Invite { get; set; }

    public TaskCompletionSource<CallUserResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ITimer? RingTimer { get; set; }

    /// <summary>A webphone leg's secured media, once accepted: its ICE consent tells whether the browser is still there.</summary>
    public WebRtcMediaChannel? WebRtc { get; set; }

    /// <summary>Checks a webphone leg's ICE consent while it lasts.</summary>
    public ITimer? ConsentTimer { get; set; }

    protected override void ReleaseTimers()
    {
        RingTimer?.Dispose();
        ConsentTimer?.Dispose();
    }
}
