using System.Net;
using Switchboard.Media.Rtp;
using Switchboard.Media.WebRtc;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// A leg we place, as the shell holds it: its INVITE, its timers and its media. Where it is (ringing, answered, in
/// conversation, over) is the call core's to know. A webphone leg (no <see cref="Leg.Peer"/>) rings the user's
/// workspace, and its media is secured and started when the browser accepts.
/// </summary>
internal sealed class CalleeLeg(LegId id, RtpSession media, IPAddress mediaAddress, string sipCallId, SipTransportAddress? peer)
    : Leg(media, mediaAddress, sipCallId, peer)
{
    public LegId Id { get; } = id;

    public bool IsWebphone => Peer is null;

    public InviteClientTransaction? Invite { get; set; }

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
