using System.Net;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Sip.Transactions;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// The leg of the person who called in, as the shell holds it: the INVITE we answer and the SDP answer prepared for it.
/// Where it is (unanswered, answered, over) is the call core's to know.
/// </summary>
internal sealed class CallerLeg(InviteServerTransaction invite, RtpSession media, IPAddress mediaAddress, string sipCallId)
    : Leg(media, mediaAddress, sipCallId, invite.Received.Source)
{
    public InviteServerTransaction Invite { get; } = invite;

    /// <summary>Our answer to the INVITE's offer, sent with the 200 OK; set at admission.</summary>
    public SdpAnswer? Answer { get; set; }
}
