using Switchboard.Media.Sdp;
using Switchboard.Sip;
using Switchboard.Sip.SessionTimers;
using Switchboard.Sip.Transactions;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// Keeps the dialogs of a call's live legs in order: answers their re-INVITEs (hold, resume, a new address), runs their
/// session timers (RFC 4028) and reads the answers to our refreshes. What it finds a peer gone without BYE for is
/// returned to the call, whose core decides what follows. Runs on the call's flow.
/// </summary>
internal sealed class LegDialogs(Call call, BackToBackUserAgent owner, LegSignalling signalling)
{
    /// <summary>After a 491 the owner of the Call-ID waits 2.1-4 s and the other side up to 2 s (RFC 3261 §14.1): within both.</summary>
    private static readonly TimeSpan GlareRetry = TimeSpan.FromSeconds(2.1);

    /// <summary>Starts (or stops, with no terms) a leg's session timer once its dialog's terms are agreed.</summary>
    public void StartSessionTimer(Leg leg, SessionTerms? terms)
    {
        if (terms is null && leg.SessionTimer is null)
            return;
        leg.SessionTimer ??= new LegSessionTimer(owner.Time, () => call.Post(new SessionTimerDue(leg)));
        leg.SessionTimer.Refreshed(terms, owner.Time.GetUtcNow());
    }

    /// <summary>A live leg's session timer fired: refresh it ourselves, or, expired, say why the peer counts as gone.</summary>
    public string? SessionTimerDue(Leg leg, string party)
    {
        if (leg.SessionTimer is not { Terms: { } terms } timer)
            return null;
        switch (timer.Due(owner.Time.GetUtcNow()))
        {
            case SessionTimerStep.Refresh:
                signalling.RefreshSession(leg, terms);
                return null;
            case SessionTimerStep.Expired:
                return $"the session with the {party} was not refreshed within {terms.Seconds} s";
            default:
                return null;
        }
    }

    /// <summary>
    /// Our refresh was answered: a 2xx renews the session (its SDP answer may move the media; true in
    /// <paramref name="formatChanged"/> when the bridge must follow); no answer (408) or a dialog the peer no longer
    /// knows (481) means the peer is gone (RFC 4028 §10), and why is returned; a re-INVITE crossing ours (491) is tried
    /// again shortly; any other refusal leaves the session to run out. A 2xx for a leg that is over is only acknowledged.
    /// </summary>
    public async Task<string?> RefreshAnsweredAsync(SessionRefreshAnswered answered, bool live, string party, Action formatChanged)
    {
        var (leg, response) = (answered.Leg, answered.Response);
        var now = owner.Time.GetUtcNow();
        if (response.StatusCode is >= 200 and < 300 && leg.Dialog is { } dialog)
        {
            dialog.RefreshTarget(response);
            await signalling.AcknowledgeRefreshAsync(dialog, answered.Refresh).ConfigureAwait(false);
            if (!live)
                return null;
            if (SdpBody.TryRead(response, out var answer, out _) && OfferAnswer.TryReadAnswer(answer, out var audio, out _))
                ConnectRemoteAudio(leg, audio, formatChanged);
            leg.SessionTimer?.Refreshed(SessionTimerNegotiation.ForAnswer(response), now);
            return null;
        }

        if (!live)
            return null;
        if (response.StatusCode is 408 or 481)
            return $"the {party} did not answer a session refresh ({response.StatusCode})";
        leg.SessionTimer?.RefreshFailed(now, response.StatusCode == 491 ? now + GlareRetry : null);
        return null;
    }

    /// <summary>
    /// Answers a re-INVITE on <paramref name="leg"/> (null: no live leg of the call has its dialog, 481): its new offer
    /// is answered and its media follows (<paramref name="formatChanged"/> when the bridge must follow); every re-INVITE
    /// answered 2xx is a session refresh.
    /// </summary>
    public async Task AnswerReinviteAsync(SipServerTransaction reinvite, Leg? leg, Action formatChanged)
    {
        if (leg?.Dialog is not { } dialog)
        {
            await reinvite.SendResponseAsync(reinvite.CreateResponse(481), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (!dialog.TryAcceptRequest(reinvite.Request))
        {
            await reinvite.SendResponseAsync(reinvite.CreateResponse(500, "Out Of Order CSeq"), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        // Our own refresh is under way on this dialog: the peer tries again later (RFC 3261 §14.2).
        if (leg.SessionTimer is { RefreshPending: true })
        {
            await reinvite.SendResponseAsync(reinvite.CreateResponse(491), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var session = signalling.SessionTimersFor(reinvite.Request);
        if (session.TooSmallBelow is { } minimum)
        {
            await reinvite.SendResponseAsync(LegSignalling.IntervalTooSmall(reinvite, minimum), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (!SdpBody.TryRead(reinvite.Request, out var offer, out var error))
        {
            await reinvite.SendResponseAsync(reinvite.CreateResponse(488, Call.Phrase($"Unreadable SDP: {error}")), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (!OfferAnswer.TryAnswer(offer, leg.NextLocal(), out var answer, out var refusal))
        {
            await reinvite.SendResponseAsync(reinvite.CreateResponse(488, Call.Phrase(refusal.Message)), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var ok = reinvite.CreateResponse(200);
        ok.Headers.Add("Contact", $"<{dialog.LocalContact}>");
        if (session.Terms is { } terms)
            SessionTimerNegotiation.AddToAnswer(ok, terms);
        SdpBody.Write(ok, answer.Description);
        await reinvite.SendResponseAsync(ok, CancellationToken.None).ConfigureAwait(false);
        // Every re-INVITE answered 2xx is a refresh, and sets the terms anew (RFC 4028 §9): one without a timer ends it.
        StartSessionTimer(leg, session.Terms);
        ConnectRemoteAudio(leg, answer.Audio, formatChanged);
        leg.ExpectAudio(owner.Time.GetUtcNow(), HoldDetector.IsHold(offer));
    }

    /// <summary>A new offer or answer on a leg: its media follows the address (a learnt NAT source is kept when that did not change).</summary>
    private static void ConnectRemoteAudio(Leg leg, NegotiatedAudio audio, Action formatChanged)
    {
        var changed = leg.Media.Format != audio.Format;
        leg.Media.Connect(audio.RemoteRtp, audio.RemoteRtcp, audio.Format);
        if (changed)
            formatChanged();
    }
}
