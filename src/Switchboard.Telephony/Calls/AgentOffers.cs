using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Switchboard.Domain.Acd;
using Switchboard.Media.Sdp;
using Switchboard.Sip;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Registrar;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// The ACD's offers of one call to agents: each rings the agent's registered device, and what the device does
/// (answers, declines, fails) is reported to the ACD, which alone decides who gets the call. Part of its
/// <see cref="Call"/>: it runs on the call's flow, so it shares the call's order and needs no lock either.
/// </summary>
internal sealed class AgentOffers(Call call, BackToBackUserAgent owner, LegSignalling signalling, CallerLeg caller, CancellationToken callerGone)
{
    // Offers the ACD asked for whose device is still being looked up; a withdrawn one is dropped from here.
    private readonly HashSet<OfferId> _lookingUp = [];
    // Offers ringing, or answered and waiting for the ACD's ConnectCall.
    private readonly Dictionary<OfferId, CalleeLeg> _legs = [];

    /// <summary>An agent's device answered and the ACD has not connected (or withdrawn) it yet.</summary>
    public bool AnyAnswered => _legs.Values.Any(leg => leg.Dialog is not null);

    /// <summary>The ACD offers the call to an agent: their device is looked up in storage apart, so the mailbox goes on meanwhile.</summary>
    public void Ring(OfferCall offer)
    {
        if (caller.Ended)
        {
            owner.Acd.Post(new OfferFailed(offer.OfferId));
            return;
        }

        _lookingUp.Add(offer.OfferId);
        _ = LookUpDeviceAsync(offer);
    }

    public void DeviceFound(OfferDeviceFound found)
    {
        var offerId = found.Offer.OfferId;
        // Withdrawn while the device was looked up: nothing rings.
        if (!_lookingUp.Remove(offerId))
            return;
        if (found.Device is not { } device || caller.Ended)
        {
            owner.Acd.Post(new OfferFailed(offerId));
            return;
        }

        try
        {
            // The ACD's ring timeout ends the ringing with a CancelOffer, so the leg needs no timer of its own.
            _legs[offerId] = signalling.SendInvite(device.ContactUri, device.Source, found.Offer.AgentId, offerId);
        }
        catch (Exception exception) when (exception is SocketException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            owner.Acd.Post(new OfferFailed(offerId));
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
            _legs.Remove(offerId);
            leg.Ended = true;
            await leg.DisposeAsync().ConfigureAwait(false);
            owner.Acd.Post(status is 486 or 600 or 603 ? new AgentRefusedOffer(offerId) : new OfferFailed(offerId));
            return;
        }

        leg.Dialog = SipDialog.CreateForUac(leg.Invite!.Request, response, LegSignalling.ContactOf(leg.Invite.Request));
        await owner.Endpoint.SendAckAsync(leg.Dialog.CreateAck(1), CancellationToken.None).ConfigureAwait(false);
        if (!SdpBody.TryRead(response, out var answer, out _) || !OfferAnswer.TryReadAnswer(answer, out var audio, out _))
        {
            await EndAsync(offerId, leg).ConfigureAwait(false);
            owner.Acd.Post(new OfferFailed(offerId));
            return;
        }

        leg.Media.Connect(audio.RemoteRtp, audio.RemoteRtcp, audio.Format);
        owner.Acd.Post(new AgentAcceptedOffer(offerId));
    }

    /// <summary>The ACD withdrew the offer: its ringing stops (or an answer that came too late is hung up).</summary>
    public async Task WithdrawAsync(OfferId offerId)
    {
        _lookingUp.Remove(offerId);
        if (_legs.TryGetValue(offerId, out var leg))
            await EndAsync(offerId, leg).ConfigureAwait(false);
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
        await leg.DisposeAsync().ConfigureAwait(false);
        owner.Acd.Post(new OfferFailed(answered.Key));
        return true;
    }

    /// <summary>Stops an offer's leg: CANCEL while it rings, BYE once it answered.</summary>
    public async Task EndAsync(OfferId offerId, CalleeLeg leg)
    {
        _legs.Remove(offerId);
        if (leg.Ended)
            return;
        leg.Ended = true;
        if (leg.Dialog is not null)
            signalling.SendBye(leg);
        else if (leg.Invite is { } invite)
            signalling.Cancel(invite);
        await leg.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The call ended: every offer still ringing or held stops.</summary>
    public async Task EndAllAsync()
    {
        _lookingUp.Clear();
        foreach (var (offerId, leg) in _legs.ToList())
            await EndAsync(offerId, leg).ConfigureAwait(false);
    }

    private async Task LookUpDeviceAsync(OfferCall offer)
    {
        SipBinding? device = null;
        try
        {
            if (await owner.Directory.FindDeviceUsernameAsync(offer.AgentId, callerGone).ConfigureAwait(false) is { } username)
                device = owner.Registrations.GetContacts(username) is [var preferred, ..] ? preferred : null;
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Storage failed or the call ended: the offer cannot ring, which the device's absence says.
        }

        if (!call.Post(new OfferDeviceFound(offer, device)))
            owner.Acd.Post(new OfferFailed(offer.OfferId));
    }
}
