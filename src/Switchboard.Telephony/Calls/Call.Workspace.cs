using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Bridging;
using Switchboard.Media.Playback;

using AcdCallEnded = Switchboard.Domain.Acd.CallEnded;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// The part of a call its users act on from their workspace: what rings them (and the events that tell them), and
/// accept on the webphone, refuse, hang up, hold, digits and blind transfer. Runs on the call's flow like the rest.
/// </summary>
internal sealed partial class Call
{
    /// <summary>How long the target of a transfer to a user rings before the call gives up.</summary>
    private static readonly TimeSpan TransferRingTime = TimeSpan.FromSeconds(30);

    private bool _held;
    private Task _digitsSent = Task.CompletedTask;
    // Each user's part as FindForUser shows it, under _viewLock like the rest of View.
    private readonly Dictionary<Guid, UserCallPart> _viewParts = [];

    /// <summary>The user's part in the call (ringing them, or connected), or null when they have none; read from any thread.</summary>
    public UserCallView? FindForUser(Guid userId)
    {
        lock (_viewLock)
        {
            return _viewParts.TryGetValue(userId, out var part) ? new UserCallView(ViewUnderLock(), part) : null;
        }
    }

    /// <summary>A leg starts ringing a user: their workspace is told, and they may look at the call from now on.</summary>
    internal void RingStarted(CalleeLeg leg, TimeSpan ringTimeout)
    {
        if (leg.UserId is not { } userId)
            return;
        leg.Ringing = true;
        lock (_viewLock)
        {
            _viewUsers.Add(userId);
            _viewParts[userId] = new UserCallPart(UserCallState.Ringing, leg.IsWebphone, leg.OfferId?.Value, _owner.Time.GetUtcNow(), ringTimeout, _waitingSince, null);
        }

        _owner.Publish(new UserRinging(Id, userId, Incoming.CallerNumber, Incoming.CallerName, _queueId, leg.OfferId?.Value, ringTimeout,
            _waitingSince, leg.IsWebphone));
    }

    /// <summary>A leg stops ringing its user, for <paramref name="reason"/>; told once.</summary>
    internal void RingStopped(CalleeLeg leg, RingingStopReason reason)
    {
        if (!leg.Ringing || leg.UserId is not { } userId)
            return;
        leg.Ringing = false;
        ForgetPart(userId, UserCallState.Ringing);
        _owner.Publish(new UserRingingStopped(Id, userId, reason));
    }

    /// <summary>The connected user's part of the call is over; told once.</summary>
    internal void CalleeLeft(CalleeLeg leg, UserLeftReason reason)
    {
        if (leg.LeftReported || !leg.Answered || leg.UserId is not { } userId)
            return;
        leg.LeftReported = true;
        _handlers.Left(userId, _owner.Time.GetUtcNow(), reason);
        lock (_viewLock)
            _viewParts.Remove(userId);
        _owner.Publish(new UserLeftCall(Id, userId, reason));
        // Only the legs the scenario or a transfer placed made the agent busy elsewhere; the ACD's own end with the call.
        if (leg.OfferId is null)
            _owner.Acd.Post(new SetAgentBusyElsewhere(userId, Busy: false));
    }

    /// <summary><paramref name="userId"/> talks with the caller on <paramref name="leg"/> from now on; their workspace is told.</summary>
    private void UserConnectedTo(CalleeLeg leg, Guid userId)
    {
        var at = _owner.Time.GetUtcNow();
        _handlers.Connected(userId, at);
        lock (_viewLock)
            _viewParts[userId] = new UserCallPart(UserCallState.Connected, leg.IsWebphone, leg.OfferId?.Value, null, null, null, at);
        _owner.Publish(new UserConnected(Id, userId, at));
    }

    /// <summary>Forgets the user's part while it is still <paramref name="state"/>: a ring that stops does not end a conversation.</summary>
    private void ForgetPart(Guid userId, UserCallState state)
    {
        lock (_viewLock)
        {
            if (_viewParts.TryGetValue(userId, out var part) && part.State == state)
                _viewParts.Remove(userId);
        }
    }

    /// <summary>The leg connected to <paramref name="userId"/>, or null when they are not in conversation on this call.</summary>
    private CalleeLeg? ConnectedLeg(Guid userId) =>
        _callee is { Ended: false, Answered: true } leg && leg.UserId == userId && (_bridge is not null || _held) ? leg : null;

    private async Task WebphoneAcceptAsync(WebphoneAcceptRequested request)
    {
        var outcome = await _offers.AcceptOnWebphoneAsync(request.UserId, request.SdpOffer).ConfigureAwait(false);
        if (outcome is null && _callee is { Ended: false, Answered: false, IsWebphone: true } leg && leg.UserId == request.UserId)
        {
            outcome = await WebphoneMedia.AnswerAsync(_owner, this, leg, request.SdpOffer).ConfigureAwait(false);
            if (outcome.Status == WebphoneAcceptStatus.Answered)
                await CalleeAnsweredAsync(leg).ConfigureAwait(false);
        }

        request.Done.TrySetResult(outcome ?? new WebphoneAcceptOutcome(WebphoneAcceptStatus.NotRinging));
    }

    /// <summary>
    /// The user's page reloaded during the conversation and its new peer connection offers again: answered on the
    /// same leg, the caller and the call stay as they are; the bridge is made again for the format the new offer chose.
    /// </summary>
    private Task WebphoneReconnectAsync(WebphoneReconnectRequested request)
    {
        if (ConnectedLeg(request.UserId) is not { IsWebphone: true, WebRtc: not null } leg)
        {
            request.Done.TrySetResult(new WebphoneAcceptOutcome(WebphoneAcceptStatus.NotConnected));
            return Task.CompletedTask;
        }

        var outcome = WebphoneMedia.Reconnect(_owner, this, leg, request.SdpOffer);
        if (outcome.Status == WebphoneAcceptStatus.Answered && _bridge is not null)
        {
            _bridge.Dispose();
            _bridge = new MediaBridge(_caller.Media, leg.Media);
        }

        request.Done.TrySetResult(outcome);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A webphone's browser stopped answering ICE consent checks (closed tab, lost network): its user has left the
    /// call, which then ends, or, not yet connected by the ACD, the offer failed.
    /// </summary>
    private async Task WebphoneConsentCheckAsync(WebphoneConsentCheck check)
    {
        var leg = check.Leg;
        // A channel a reloaded page replaced lapses without ending anything: its successor is watched on its own.
        if (leg.Ended || !ReferenceEquals(leg.WebRtc, check.Channel) || check.Channel.Ice.HasConsent)
            return;
        leg.ConsentTimer?.Dispose();
        if (!ReferenceEquals(leg, _callee))
        {
            await _offers.AgentHungUpAsync(leg.SipCallId).ConfigureAwait(false);
            return;
        }

        CalleeLeft(leg, UserLeftReason.Failed);
        leg.Ended = true;
        await EndEverythingAsync(_result ?? CallResult.Failed, "the webphone stopped answering ICE consent checks").ConfigureAwait(false);
    }

    private async Task RefuseAsync(RefuseRequested request) =>
        request.Done.TrySetResult(await RefuseRingingAsync(request.UserId).ConfigureAwait(false));

    /// <summary>Stops what rings <paramref name="userId"/> because they refused: an ACD offer goes on to the next agent.</summary>
    private async Task<bool> RefuseRingingAsync(Guid userId)
    {
        if (await _offers.RefuseAsync(userId).ConfigureAwait(false))
            return true;
        if (_callee is not { Ended: false, Answered: false } leg || leg.UserId != userId)
            return false;
        leg.RingTimer?.Dispose();
        RingStopped(leg, RingingStopReason.Refused);
        _signalling.HangUp(leg);
        await CalleeFailedAsync(leg, CallUserResult.Refused, "refused from the workspace").ConfigureAwait(false);
        return true;
    }

    /// <summary>Hang up from the workspace: the conversation ends for everyone; while it only rings, it is a refusal.</summary>
    private async Task UserHangupAsync(UserHangupRequested request)
    {
        if (ConnectedLeg(request.UserId) is not { } leg)
        {
            request.Done.TrySetResult(await RefuseRingingAsync(request.UserId).ConfigureAwait(false));
            return;
        }

        CalleeLeft(leg, UserLeftReason.HungUp);
        request.Done.TrySetResult(true);
        await EndEverythingAsync(_result ?? CallResult.Failed, "").ConfigureAwait(false);
    }

    /// <summary>Hold: the bridge is taken down and the caller hears music; resume bridges them again.</summary>
    private Task UserHoldAsync(HoldRequested request)
    {
        if (ConnectedLeg(request.UserId) is not { } leg)
        {
            request.Done.TrySetResult(false);
            return Task.CompletedTask;
        }

        if (_held != request.Held)
        {
            _held = request.Held;
            _bridge?.Dispose();
            _bridge = null;
            if (request.Held)
            {
                StartLoopToCaller(request.Music);
            }
            else
            {
                StopLoopToCaller();
                _bridge = new MediaBridge(_caller.Media, leg.Media);
            }

            lock (_viewLock)
            {
                if (_viewParts.TryGetValue(request.UserId, out var part))
                    _viewParts[request.UserId] = part with { State = request.Held ? UserCallState.Held : UserCallState.Connected };
            }

            _owner.Publish(new UserCallHeld(Id, request.UserId, request.Held));
        }

        request.Done.TrySetResult(true);
        return Task.CompletedTask;
    }

    /// <summary>Digits go to the caller one request after the other, paced as RFC 4733 events; the mailbox does not wait for them.</summary>
    private Task SendDigitsAsync(DigitsRequested request)
    {
        if (ConnectedLeg(request.UserId) is null)
        {
            request.Done.TrySetResult(false);
            return Task.CompletedTask;
        }

        _digitsSent = SendDigitsAfterAsync(_digitsSent, request.Digits, _callerGone.Token);
        request.Done.TrySetResult(true);
        return Task.CompletedTask;
    }

    private async Task SendDigitsAfterAsync(Task previous, string digits, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await new DtmfPlayer(_owner.Time).PlayAsync(_caller.Media, digits, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The call ended while the digits were sent.
        }
    }

    /// <summary>
    /// A blind transfer: the user leaves at once (for the ACD their call ended, so wrap-up starts) and the caller,
    /// hearing music, goes on to the target; if the target does not take it, the call ends.
    /// </summary>
    private async Task TransferAsync(TransferRequested request)
    {
        if (ConnectedLeg(request.UserId) is not { } leg)
        {
            request.Done.TrySetResult(false);
            return;
        }

        CalleeLeft(leg, UserLeftReason.Transferred);
        _handlers.Transferred(request.Target switch
        {
            UserTransfer user => new CallTransfer(_owner.Time.GetUtcNow(), request.UserId, user.UserId, null, null),
            QueueTransfer queue => new CallTransfer(_owner.Time.GetUtcNow(), request.UserId, null, queue.QueueId, null),
            ForwardTransfer forward => new CallTransfer(_owner.Time.GetUtcNow(), request.UserId, null, null, forward.Target.RequestUri),
            _ => throw new InvalidOperationException($"unknown transfer target {request.Target}"),
        });
        leg.Ended = true;
        _bridge?.Dispose();
        _bridge = null;
        _held = false;
        _signalling.HangUp(leg);
        await leg.DisposeAsync().ConfigureAwait(false);
        _callee = null;
        if (_knownToAcd)
        {
            _knownToAcd = false;
            _owner.Acd.Post(new AcdCallEnded(Id));
        }

        request.Done.TrySetResult(true);
        switch (request.Target)
        {
            case UserTransfer user:
                StartLoopToCaller(BuiltInSounds.HoldMusic);
                var ring = user.Target.Device is { } device
                    ? PlaceCall(device.ContactUri, device.Source, user.UserId, TransferRingTime)
                    : RingWebphone(user.UserId, TransferRingTime);
                ring.EndsCallOnFailure = true;
                break;
            case QueueTransfer queue:
                EnterQueue(queue.QueueId, priority: 0, maxWaitSeconds: null, queue.Music, waiter: null);
                break;
            case ForwardTransfer forward:
                StartLoopToCaller(BuiltInSounds.HoldMusic);
                PlaceCall(forward.Target.RequestUri, forward.Destination, userId: null, ForwardRingTime).EndsCallOnFailure = true;
                break;
        }
    }
}
