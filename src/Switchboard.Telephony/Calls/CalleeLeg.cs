using System.Net;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Rtp;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// A leg we place: to a user's device, to a forward target, or to an agent's device for an ACD offer.
/// <see cref="Done"/> tells the scenario how ringing ended.
/// </summary>
internal sealed class CalleeLeg(RtpSession media, IPAddress mediaAddress, string sipCallId, SipTransportAddress peer, Guid? userId, OfferId? offerId = null)
    : Leg(media, mediaAddress, sipCallId, peer)
{
    /// <summary>The ACD's offer this leg rings for; null when the scenario placed it.</summary>
    public OfferId? OfferId { get; } = offerId;

    /// <summary>The user called; null for a forward.</summary>
    public Guid? UserId { get; } = userId;

    public bool IsForward => UserId is null;

    public InviteClientTransaction? Invite { get; set; }

    public TaskCompletionSource<CallUserResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ITimer? RingTimer { get; set; }
}
