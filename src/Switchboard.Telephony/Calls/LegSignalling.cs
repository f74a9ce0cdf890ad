using System.Net.Sockets;
using System.Text;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Sip;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Headers;
using Switchboard.Sip.SessionTimers;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// What one call sends on its legs: the caller's ringing, answer and refusal; the INVITEs of the legs it places
/// (responses relayed to the call's mailbox), CANCEL, BYE, session refreshes, and the hang-up of an answer that came
/// too late. Runs on the call's flow.
/// </summary>
internal sealed class LegSignalling(Call call, BackToBackUserAgent owner)
{
    /// <summary>What a call's legs accept within their dialogs, in every INVITE and answer the call sends.</summary>
    public const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS";

    // Every leg's Call-ID the call was bound to, so that all of them are let go at the end.
    private readonly List<string> _placedSipCallIds = [];

    public IReadOnlyList<string> PlacedSipCallIds => _placedSipCallIds;

    /// <summary>
    /// Opens a leg, sends its INVITE and relays its responses to the mailbox. A leg to a user's device carries the
    /// call's variables; a forward's does not.
    /// </summary>
    public CalleeLeg SendInvite(LegId id, string requestUri, SipTransportAddress destination, Guid? userId)
    {
        var media = RtpSession.Open(owner.Ports, owner.Options.MediaBindAddress, owner.Time);
        var sipCallId = $"{Guid.NewGuid():N}@switchboard";
        var leg = new CalleeLeg(id, media, owner.MediaAddressFor(destination), sipCallId, destination);
        _placedSipCallIds.Add(sipCallId);
        owner.Bind(sipCallId, call);

        var endpoint = owner.Endpoint;
        var invite = new SipRequest("INVITE", requestUri);
        var callerUser = call.Incoming.CallerNumber ?? "anonymous";
        var display = call.Incoming.CallerName is { Length: > 0 } name ? $"\"{name.Replace("\"", "", StringComparison.Ordinal)}\" " : "";
        invite.Headers.Add("From", $"{display}<sip:{callerUser}@{endpoint.HostFor(destination)}>;tag={Encoding.ASCII.GetString(SipTag.Create())}");
        invite.Headers.Add("To", $"<{requestUri}>");
        invite.Headers.Add("Call-ID", sipCallId);
        invite.Headers.Add("CSeq", "1 INVITE");
        invite.Headers.Add("Contact", $"<{endpoint.ContactUri(destination, owner.Options.ContactUser)}>");
        invite.Headers.Add("Allow", AllowedMethods);
        if (owner.Options.SessionTimers is { } sessionTimers)
            SessionTimerNegotiation.AddToRequest(invite, sessionTimers);
        if (userId is not null)
            CallVariableHeaders.Add(invite, call.Id, call.Variables);
        SdpBody.Write(invite, OfferAnswer.CreateOffer(leg.Local));

        media.Start();
        leg.Invite = (InviteClientTransaction)endpoint.SendRequest(invite, destination);
        _ = RelayResponsesAsync(leg, leg.Invite);
        return leg;
    }

    /// <summary>
    /// Opens a leg that rings the user's webphone: nothing goes on the wire, the workspace learns of it from the
    /// call's events; its media is opened now and secured when the browser accepts.
    /// </summary>
    public CalleeLeg OpenWebphoneLeg(LegId id)
    {
        var media = RtpSession.Open(owner.Ports, owner.Options.MediaBindAddress, owner.Time);
        return new CalleeLeg(id, media, owner.MediaAddressFor(null), $"webphone-{Guid.NewGuid():N}", peer: null);
    }

    /// <summary>The 200 OK to the caller's INVITE with our SDP answer; the session terms its dialog runs with (none: no session timer).</summary>
    public async Task<SessionTerms?> AnswerCallerAsync(CallerLeg caller)
    {
        var answer = caller.Answer ?? throw new InvalidOperationException("the caller's SDP answer was not prepared at admission");
        var ok = caller.Invite.CreateResponse(200);
        var contact = owner.Endpoint.ContactUri(caller.Invite.Received.Source, owner.Options.ContactUser);
        ok.Headers.Add("Contact", $"<{contact}>");
        ok.Headers.Add("Allow", AllowedMethods);
        // Admission refused an interval below our minimum, so the INVITE's terms are agreed here.
        var session = SessionTimersFor(caller.Invite.Request);
        if (session.Terms is { } terms)
            SessionTimerNegotiation.AddToAnswer(ok, terms);
        SdpBody.Write(ok, answer.Description);
        caller.Dialog = SipDialog.CreateForUas(caller.Invite.Request, ok, contact);
        await caller.Invite.SendResponseAsync(ok, CancellationToken.None).ConfigureAwait(false);
        return session.Terms;
    }

    /// <summary>Tells the unanswered caller that the other side rings.</summary>
    public static Task RelayRingingAsync(CallerLeg caller) => caller.Invite.SendResponseAsync(caller.Invite.CreateResponse(180), CancellationToken.None);

    /// <summary>Refuses the caller's INVITE, unless it already has its final response (a CANCEL was answered 487).</summary>
    public static async Task RefuseCallerAsync(CallerLeg caller, int statusCode, string reasonPhrase)
    {
        if (!caller.Invite.HasFinalResponse)
            await caller.Invite.SendResponseAsync(caller.Invite.CreateResponse(statusCode, reasonPhrase), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>What session timer (RFC 4028) a request asks for, under our policy.</summary>
    public SessionTimerAnswer SessionTimersFor(SipRequest request) =>
        owner.Options.SessionTimers is { } policy ? SessionTimerNegotiation.ForRequest(request, policy) : SessionTimerAnswer.None;

    /// <summary>422 Session Interval Too Small, with the minimum to ask for again (RFC 4028 §9).</summary>
    public static SipResponse IntervalTooSmall(SipServerTransaction transaction, uint minimum)
    {
        var tooSmall = transaction.CreateResponse(422);
        tooSmall.Headers.Add("Min-SE", minimum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return tooSmall;
    }

    /// <summary>Stops a leg we placed: BYE once it has a dialog, CANCEL while its INVITE is unanswered; a webphone needs no request.</summary>
    public void HangUp(CalleeLeg leg)
    {
        if (leg.Dialog is not null)
            SendBye(leg);
        else if (leg.Invite is { } invite)
            Cancel(invite);
    }

    /// <summary>CANCEL waits for the callee's first response (RFC 3261 §9.1), which must not hold up the mailbox.</summary>
    public void Cancel(InviteClientTransaction invite) => _ = CancelAsync(owner.Endpoint, invite);

    /// <summary>Sends a BYE on an answered leg; its response is not waited for, the leg is over either way.</summary>
    public void SendBye(Leg leg)
    {
        if (leg is { Dialog: { } dialog, Peer: { } peer })
            owner.Endpoint.SendRequest(dialog.CreateRequest("BYE"), peer);
    }

    /// <summary>
    /// Refreshes an answered leg's session (RFC 4028 §10) with a re-INVITE offering our media again, under the next SDP
    /// version (the offer lists all our formats, not only the one agreed); its final response comes back to the
    /// mailbox, and a 2xx the call no longer wants is still acknowledged.
    /// </summary>
    public void RefreshSession(Leg leg, SessionTerms terms)
    {
        if (leg is not { Dialog: { } dialog, Peer: { } peer } || owner.Options.SessionTimers is not { } policy)
            return;
        var refresh = dialog.CreateRequest("INVITE");
        refresh.Headers.Add("Contact", $"<{dialog.LocalContact}>");
        refresh.Headers.Add("Allow", AllowedMethods);
        SessionTimerNegotiation.AddToRequest(refresh, policy with { IntervalSeconds = terms.Seconds }, SessionRefresher.Uac);
        SdpBody.Write(refresh, OfferAnswer.CreateOffer(leg.NextLocal()));
        var transaction = owner.Endpoint.SendRequest(refresh, peer);
        _ = RelayRefreshAnswerAsync(leg, dialog, refresh, transaction);
    }

    /// <summary>A 2xx for a leg nobody wants any more (withdrawn, or the call ended): acknowledged, then hung up.</summary>
    public async Task HangUpLateAnswerAsync(CalleeLeg leg, SipResponse response)
    {
        var dialog = SipDialog.CreateForUac(leg.Invite!.Request, response, ContactOf(leg.Invite.Request));
        await owner.Endpoint.SendAckAsync(dialog.CreateAck(1), CancellationToken.None).ConfigureAwait(false);
        if (leg.Peer is { } peer)
            owner.Endpoint.SendRequest(dialog.CreateRequest("BYE"), peer);
    }

    public static string ContactOf(SipRequest request) =>
        request.TryGetContacts(out var contacts) && contacts.Contacts.Count > 0 ? contacts.Contacts[0].Uri.ToString() : "";

    /// <summary>Posts the leg's responses to the mailbox; a 2xx arriving after the call ended is still acknowledged and hung up.</summary>
    private async Task RelayResponsesAsync(CalleeLeg leg, InviteClientTransaction invite)
    {
        // Not cancelled with the call: a late answer must still be seen to be hung up.
        await foreach (var provisional in invite.ProvisionalResponses.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            call.Post(new CalleeResponded(leg, provisional));
        var final = await invite.FinalResponse.ConfigureAwait(false);
        if (!call.Post(new CalleeResponded(leg, final)) && final.StatusCode is >= 200 and < 300)
            await HangUpLateAnswerAsync(leg, final).ConfigureAwait(false);
    }

    private async Task RelayRefreshAnswerAsync(Leg leg, SipDialog dialog, SipRequest refresh, SipClientTransaction transaction)
    {
        var final = await transaction.FinalResponse.ConfigureAwait(false);
        if (!call.Post(new SessionRefreshAnswered(leg, refresh, final)) && final.StatusCode is >= 200 and < 300)
            await AcknowledgeRefreshAsync(dialog, refresh).ConfigureAwait(false);
    }

    /// <summary>The ACK of a 2xx to our refresh: a transaction of its own, with the refresh's CSeq (RFC 3261 §13.2.2.4).</summary>
    public async Task AcknowledgeRefreshAsync(SipDialog dialog, SipRequest refresh)
    {
        refresh.TryGetCSeq(out var cseq);
        await owner.Endpoint.SendAckAsync(dialog.CreateAck(cseq.Number), CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task CancelAsync(SipEndpoint endpoint, InviteClientTransaction invite)
    {
        try
        {
            await endpoint.CancelAsync(invite, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The callee is unreachable: its INVITE transaction times out by itself.
        }
    }
}
