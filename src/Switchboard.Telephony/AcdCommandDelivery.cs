using Switchboard.Domain.Acd;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony;

/// <summary>
/// Where the ACD's commands reach telephony: each goes to its call's own mailbox, the only receiver of what the ACD
/// decides for a call (wait, ring an agent, stop ringing, connect, leave the queue), as an input for the call's core.
/// </summary>
public sealed class AcdCommandDelivery
{
    private readonly BackToBackUserAgent _telephony;

    internal AcdCommandDelivery(BackToBackUserAgent telephony) => _telephony = telephony;

    /// <summary>
    /// Hands <paramref name="command"/> to its call without waiting; false when telephony has no such live call
    /// (it ended meanwhile, or the call never was a SIP call).
    /// </summary>
    public bool Deliver(AcdCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (callId, input) = command switch
        {
            // What rings the agent is looked up here, in the configuration in memory, so the call's flow need not.
            OfferCall offer => (offer.CallId, (CallInput)new OfferAsked(offer, RingTarget.ForOffer(_telephony, offer.AgentId))),
            CancelOffer cancel => (cancel.CallId, new OfferWithdrawn(cancel.OfferId, cancel.Reason)),
            ConnectCall connect => (connect.CallId, new ConnectAsked(connect)),
            WaitInQueue wait => (wait.CallId, new QueueTookCall()),
            LeaveQueue leave => (leave.CallId, new QueueLeft(leave.Outcome)),
            _ => (Guid.Empty, null),
        };
        return input is not null && _telephony.FindLive(callId) is { } call && call.Post(new Decide(input));
    }
}
