using System.Net;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Rtp;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Telephony.Calls;

/// <summary>A leg we place: to a user's device or to a forward target. <see cref="Done"/> tells the scenario how ringing ended.</summary>
internal sealed class CalleeLeg(RtpSession media, IPAddress mediaAddress, string sipCallId, SipTransportAddress peer, Guid? userId)
    : Leg(media, mediaAddress, sipCallId, peer)
{
    /// <summary>The user called; null for a forward.</summary>
    public Guid? UserId { get; } = userId;

    public bool IsForward => UserId is null;

    public InviteClientTransaction? Invite { get; set; }

    public TaskCompletionSource<CallUserResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ITimer? RingTimer { get; set; }
}
