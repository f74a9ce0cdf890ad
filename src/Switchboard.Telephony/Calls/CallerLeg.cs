using System.Net;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Sip.Transactions;

namespace Switchboard.Telephony.Calls;

/// <summary>The leg of the person who called in: the INVITE we answer, and the SDP answer prepared for it.</summary>
internal sealed class CallerLeg(InviteServerTransaction invite, RtpSession media, IPAddress mediaAddress, string sipCallId)
    : Leg(media, mediaAddress, sipCallId, invite.Received.Source)
{
    public InviteServerTransaction Invite { get; } = invite;

    /// <summary>Our answer to the INVITE's offer, sent with the 200 OK.</summary>
    public SdpAnswer? Answer { get; set; }

    public bool Answered { get; set; }

    /// <summary>A 180 Ringing went out, so it is not sent twice.</summary>
    public bool RingingSent { get; set; }
}
