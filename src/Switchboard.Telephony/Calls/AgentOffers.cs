using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Switchboard.Domain.Acd;
using Switchboard.Media.Sdp;
using Switchboard.Sip;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.SessionTimers;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// The ACD's offers of one call to agents: each rings the agent's webphone or registered device, and what the agent
/// does (accepts, refuses, lets it ring, fails) is reported to the ACD, which alone decides who gets the call. Part
/// of its <see cref="Call"/>: it runs on the call's flow, so it shares the call's order and needs no lock either.
/// </summary>
internal sealed class AgentOffers(Call call, BackToBackUserAgent owner, LegSignalling signalling, CallerLeg caller)
{
    // Offers ringing, or answered and waiting for the ACD's ConnectCall.
    private readonly Dictionary<OfferId, CalleeLeg> _legs = [];

    /// <summary>The ACD offers the call to an agent: their device or webphone rings, or the ACD hears at once that nothing can.</summary>
    public void Ring(OfferCall offer)
    {
        if (caller.Ended || RingTarget.ForOffer(owner, offer.AgentId) is not { } target)
        {
            owner.Acd.Post(new OfferFailed(offer.OfferId));
            return;
        }

        try
        {
            // The ACD's ring timeout ends the ringing with a CancelOffer, so the leg needs no timer of its own.
            var leg = target.Device is { } device
                ? signalling.SendInvite(device.ContactUri, device.Source, offer.AgentId, offer.OfferId)
                : signalling.OpenWebphoneLeg(offer.AgentId, offer.OfferId);
            _legs[offer.OfferId] = leg;
            call.RingStarted(leg, offer.RingTimeout);
        }
        catch (Exception exception) when (exception is SocketException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            TelephonyLog.OfferNotRung(owner.Logger, exception, call.Id, offer.AgentId);
            owner.Acd.Post(new OfferFailed(offer.OfferId));
        }
    }

    /// <summary>
    /// An agent's device answered the offer: acknowledged and held, unbridged, until the ACD confirms with
    /// ConnectCall (ring-all: only the first answer wins). Declines and failures are reported to the ACD.
    /// </summary>
    public async Task RespondedAsync(OfferId offerId, CalleeLeg leg, SipResponse response)
    {
        var status = response.StatusCode;
        if (leg.Ended || !_legs.ContainsKey(offerId))
        {
            // Withdrawn before the device answered: the answer is acknowledged and hung up, never bridged.
            if (status is >= 200 and < 300)
                await signalling.HangUpLateAnswerAsync(leg, response).ConfigureAwait(false);
            return;
        }

        if (status < 200)
            return;
        if (status >= 300)
        {
            var refused = status is 486 or 600 or 603;
            _legs.Remove(offerId);
            leg.Ended = true;
            await leg.DisposeAsync().ConfigureAwait(false);
            call.RingStopped(leg, refused ? RingingStopReason.Refused : RingingStopReason.Failed);
            owner.Acd.Post(refused ? new AgentRefusedOffer(offerId) : new OfferFailed(offerId));
            return;
        }

        leg.Dialog = SipDialog.CreateForUac(leg.Invite!.Request, response, LegSignalling.ContactOf(leg.Invite.Request));
        await owner.Endpoint.SendAckAsync(leg.Dialog.CreateAck(1), CancellationToken.None).ConfigureAwait(false);
        call.StartSessionTimer(leg, SessionTimerNegotiation.ForAnswer(response));
        if (!SdpBody.TryRead(response, out var answer, out _) || !OfferAnswer.TryReadAnswer(answer, out var audio, out _))
        {
            await EndAsync(offerId, leg, RingingStopReason.Failed).ConfigureAwait(false);
            owner.Acd.Post(new OfferFailed(offerId));
            return;
        }

        leg.Media.Connect(audio.RemoteRtp, audio.RemoteRtcp, audio.Format);
        call.RingStopped(leg, RingingStopReason.Answered);
        owner.Acd.Post(new AgentAcceptedOffer(offerId));
    }

    /// <summary>
    /// The agent's webphone accepts the offer ringing it: its media is answered and the ACD told, which connects the
    /// call unless another agent was first. Null when no offer rings this agent's webphone.
    /// </summary>
    public async Task<WebphoneAcceptOutcome?> AcceptOnWebphoneAsync(Guid agentId, string sdpOffer)
    {
        if (!TryFindRinging(agentId, out var offerId, out var leg) || !leg.IsWebphone)
            return null;
        var outcome = await WebphoneMedia.AnswerAsync(owner, call, leg, sdpOffer).ConfigureAwait(false);
        if (outcome.Status != WebphoneAcceptStatus.Answered)
            return outcome;
        call.RingStopped(leg, RingingStopReason.Answered);
        owner.Acd.Post(new AgentAcceptedOffer(offerId));
        return outcome;
    }

    /// <summary>The agent refuses the offer ringing them (their device stops ringing): the ACD offers it to the next agent.</summary>
    public async Task<bool> RefuseAsync(Guid agentId)
    {
        if (!TryFindRinging(agentId, out var offerId, out var leg))
            return false;
        await EndAsync(offerId, leg, RingingStopReason.Refused).ConfigureAwait(false);
        owner.Acd.Post(new AgentRefusedOffer(offerId));
        return true;
    }

    /// <summary>The ACD withdrew the offer: its ringing stops (or an answer that came too late is hung up).</summary>
    public async Task WithdrawAsync(OfferId offerId, OfferCancelReason reason)
    {
        if (_legs.TryGetValue(offerId, out var leg))
            await EndAsync(offerId, leg, StopReasonOf(reason)).ConfigureAwait(false);
    }

    /// <summary>Hands over the leg of the offer the ACD connected; it is no longer an offer's.</summary>
    public bool TryTake(OfferId offerId, [MaybeNullWhen(false)] out CalleeLeg leg) => _legs.Remove(offerId, out leg);

    /// <summary>
    /// A BYE on an answered offer's leg: the agent hung up before the ACD connected them, which for the ACD is a
    /// failed offer. False when the Call-ID is no offer's.
    /// </summary>
    public async Task<bool> AgentHungUpAsync(string sipCallId)
    {
        if (_legs.FirstOrDefault(offer => offer.Value.SipCallId == sipCallId) is not { Value: { } leg } answered)
            return false;
        leg.Ended = true;
        _legs.Remove(answered.Key);
        call.CalleeLeft(leg, UserLeftReason.HungUp);
        await leg.DisposeAsync().ConfigureAwait(false);
        owner.Acd.Post(new OfferFailed(answered.Key));
        return true;
    }

    /// <summary>
    /// Stops an offer's leg: CANCEL while a device rings, BYE once it answered; the workspace is told by an event
    /// (the ringing stopped, or, answered but never connected, the agent is out of the call).
    /// </summary>
    public async Task EndAsync(OfferId offerId, CalleeLeg leg, RingingStopReason reason)
    {
        _legs.Remove(offerId);
        if (leg.Ended)
            return;
        leg.Ended = true;
        if (leg.Answered)
            call.CalleeLeft(leg, UserLeftReason.Failed);
        else
            call.RingStopped(leg, reason);
        signalling.HangUp(leg);
        await leg.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The call ended: every offer still ringing or held stops.</summary>
    public async Task EndAllAsync()
    {
        foreach (var (offerId, leg) in _legs.ToList())
            await EndAsync(offerId, leg, RingingStopReason.CallerHungUp).ConfigureAwait(false);
    }

    private bool TryFindRinging(Guid agentId, out OfferId offerId, [MaybeNullWhen(false)] out CalleeLeg leg)
    {
        foreach (var (id, candidate) in _legs)
        {
            if (candidate.UserId == agentId && !candidate.Answered && !candidate.Ended)
            {
                (offerId, leg) = (id, candidate);
                return true;
            }
        }

        (offerId, leg) = (default, null);
        return false;
    }

    private static RingingStopReason StopReasonOf(OfferCancelReason reason) => reason switch
    {
        OfferCancelReason.AnsweredElsewhere => RingingStopReason.AnsweredElsewhere,
        OfferCancelReason.CallerHungUp => RingingStopReason.CallerHungUp,
        OfferCancelReason.AgentUnreachable => RingingStopReason.Failed,
        _ => RingingStopReason.NoAnswer,
    };
}
