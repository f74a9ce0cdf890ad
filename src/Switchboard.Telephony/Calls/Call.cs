using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Sdp;
using Switchboard.Sip;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Headers;
using Switchboard.Sip.SessionTimers;
using Switchboard.Sip.Transactions;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// One live call and its only owner: the thin shell around its <see cref="CallCore"/>. Every SIP message of its legs,
/// every request of its scenario or its users' workspaces and every timer arrives as a <see cref="CallMessage"/> in its
/// mailbox and is handled in order on one flow, so nothing needs a lock. The shell reads SIP and media into the core's
/// inputs and carries out the effects the core returns; long work (a sound, a response) runs elsewhere and posts back.
/// </summary>
#pragma warning disable CA1001 // Released by Finish; the token source has no timer and its token must outlive the call for the scenario.
internal sealed class Call
#pragma warning restore CA1001
{
    private readonly BackToBackUserAgent _owner;
    private readonly Channel<CallMessage> _mailbox = Channel.CreateUnbounded<CallMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _callerGone = new();
    private readonly CallerLeg _caller;
    private readonly CallCore _core;
    private readonly LegSignalling _signalling;
    private readonly LegDialogs _dialogs;
    private readonly CallerAudioPlayer _audio;
    private readonly Dictionary<LegId, CalleeLeg> _legs = [];
    // Requests waiting for the core's answer: each a TaskCompletionSource<T> of the answer's type.
    private readonly Dictionary<RequestId, object> _pending = [];
    // Inputs that carrying out an effect gave rise to (a leg that could not be placed), decided after the effects at hand.
    private readonly Queue<CallInput> _followUps = new();
    private readonly StringBuilder _digits = new();
    private readonly DateTimeOffset _startedAt;
    private int _lastRequest;
    private ITimer? _mediaCheck;
    // The last leg the caller talked with: its media statistics go in the record.
    private Leg? _talkedWith;
    // What View and FindForUser show, written on the call's flow and read from anywhere.
    private readonly Lock _viewLock = new();
    private readonly HashSet<Guid> _viewUsers = [];
    private readonly Dictionary<Guid, UserCallPart> _viewParts = [];
    private Guid? _queueId;

    public Call(BackToBackUserAgent owner, IncomingCall incoming, CallerLeg caller, DateTimeOffset startedAt)
    {
        _owner = owner;
        Incoming = incoming;
        _caller = caller;
        _startedAt = startedAt;
        Variables = CallVariables.ForIncomingCall(incoming);
        _core = new CallCore(incoming, BuiltInSounds.Ringback, BuiltInSounds.HoldMusic);
        _signalling = new LegSignalling(this, owner);
        _dialogs = new LegDialogs(this, owner, _signalling);
        _audio = new CallerAudioPlayer(caller.Media, owner.Player, owner.Time);
        caller.Media.DigitReceived += (_, e) => Post(new DigitReceived(e.Digit));
        caller.Invite.CancellationRequested.Register(() => Post(new Decide(new CallerLeft())));
    }

    public IncomingCall Incoming { get; }

    /// <summary>What routing knows of the call so far; its scenario run sets them, devices and live views read them.</summary>
    public CallVariables Variables { get; }

    public Guid Id => Incoming.CallId;

    /// <summary>Cancelled once the call has ended: a request it has not got to will never be answered.</summary>
    public CancellationToken Ending => _callerGone.Token;

    /// <summary>The call as the workspace shows it; read from any thread.</summary>
    public LiveCallView View
    {
        get
        {
            lock (_viewLock)
                return ViewUnderLock();
        }
    }

    /// <summary>The user's part in the call (ringing them, or connected), or null when they have none; read from any thread.</summary>
    public UserCallView? FindForUser(Guid userId)
    {
        lock (_viewLock)
        {
            return _viewParts.TryGetValue(userId, out var part) ? new UserCallView(ViewUnderLock(), part) : null;
        }
    }

    /// <summary>Completes when the call has ended and everything it held is released.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>False once the call has ended: nobody handles messages any more.</summary>
    public bool Post(CallMessage message) => _mailbox.Writer.TryWrite(message);

    /// <summary>Starts the call's flow and its scenario.</summary>
    public void Start(Scenario scenario, ScenarioInterpreter interpreter)
    {
        if (_owner.Options.MediaInactivityTimeout > TimeSpan.Zero)
        {
            // A quarter of the timeout: a silent leg is found at most a quarter late.
            var period = _owner.Options.MediaInactivityTimeout / 4;
            _mediaCheck = _owner.Time.CreateTimer(_ => Post(new MediaCheckDue()), null, period, period);
        }

        Completion = RunAsync();
        _ = RunScenarioAsync(scenario, interpreter);
    }

    /// <summary>Asks the core, on the call's flow, and waits for its answer, or for <paramref name="cancellationToken"/> (the call ending).</summary>
    public async Task<T> AskAsync<T>(Func<RequestId, CallInput> input, CancellationToken cancellationToken)
    {
        var request = new RequestId(Interlocked.Increment(ref _lastRequest));
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(new Asked(input(request), request, done)))
            throw new OperationCanceledException("The call has ended.", cancellationToken);
        // A request the call carried out wins over a cancellation that comes after it (the call ending as it answers).
        using (cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)))
            return await done.Task.ConfigureAwait(false);
    }

    /// <summary>Posts a request whose answer is a TaskCompletionSource&lt;T&gt; of its own (the webphone's) and waits for it.</summary>
    public async Task<T> AskAsync<T>(Func<TaskCompletionSource<T>, CallMessage> request, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(request(done)))
            throw new OperationCanceledException("The call has ended.", cancellationToken);
        using (cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)))
            return await done.Task.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        // Runs synchronously up to its first await, so that CallStarted precedes everything the scenario reports.
        await HandleGuardedAsync(() =>
        {
            _owner.Publish(new CallStarted(Id, Incoming.DialledNumber, Incoming.CallerNumber, _caller.SipCallId, _startedAt));
            return Task.CompletedTask;
        }).ConfigureAwait(false);

        // The mailbox is completed when the call finishes, so this loop is the call's lifetime.
        await foreach (var message in _mailbox.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (!_core.Finished)
                await HandleGuardedAsync(() => HandleAsync(message)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one step of the shell; whatever it throws (a peer that broke the protocol, an observer that failed, a bug)
    /// ends the call cleanly through its core rather than leaving it half alive with its agent reserved.
    /// </summary>
    private async Task HandleGuardedAsync(Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            TelephonyLog.CallFaulted(_owner.Logger, exception, Id, _caller.SipCallId);
            await DecideAsync(new StepFaulted(Phrase($"{exception.GetType().Name}: {exception.Message}"))).ConfigureAwait(false);
        }
    }

    private async Task RunScenarioAsync(Scenario scenario, ScenarioInterpreter interpreter)
    {
        ScenarioRunResult? result = null;
        try
        {
            result = await interpreter.RunAsync(Incoming, Variables, new CallControl(this, _owner), scenario, _callerGone.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The call ended as the scenario asked something of it: nothing failed, and nothing is left to end.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A scenario that failed (a bug) must still end the call: the null result says so.
            TelephonyLog.ScenarioFaulted(_owner.Logger, exception, Id);
        }

        Post(new Decide(new ScenarioEnded(result)));
    }

    private Task HandleAsync(CallMessage message) => message switch
    {
        Decide decide => DecideAsync(decide.Input),
        Asked asked => AskedAsync(asked),
        CalleeResponded responded => CalleeRespondedAsync(responded.Leg, responded.Response),
        ByeReceived bye => ByeAsync(bye.Transaction),
        ReinviteReceived reinvite => _dialogs.AnswerReinviteAsync(reinvite.Transaction, LiveLeg(reinvite.Transaction.Request), _audio.Rebridge),
        SessionTimerDue due => SessionTimerDueAsync(due.Leg),
        SessionRefreshAnswered answered => SessionRefreshAnsweredAsync(answered),
        MediaCheckDue => CheckMediaAsync(),
        DigitReceived digit => CallerDigit(digit.Digit),
        WebphoneAcceptRequested accept => WebphoneAcceptAsync(accept),
        WebphoneReconnectRequested reconnect => WebphoneReconnect(reconnect),
        WebphoneConsentCheck check => WebphoneConsentCheckAsync(check),
        _ => throw new ArgumentException($"No handling for {message.GetType().Name}.", nameof(message)),
    };

    private Task AskedAsync(Asked asked)
    {
        _pending[asked.Request] = asked.Done;
        return DecideAsync(asked.Input);
    }

    /// <summary>Hands an input to the core and carries out its effects, then those of any input they gave rise to.</summary>
    private async Task DecideAsync(CallInput input)
    {
        _followUps.Enqueue(input);
        while (_followUps.TryDequeue(out var next))
        {
            IReadOnlyList<CallEffect> effects;
            try
            {
                // Copied: carrying them out may decide again, which reuses the core's buffer.
                effects = [.. _core.Handle(next, _owner.Time.GetUtcNow())];
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A rule that failed (a bug) leaves the core in doubt: the shell lets go of everything itself.
                TelephonyLog.CallFaulted(_owner.Logger, exception, Id, _caller.SipCallId);
                await AbandonAsync().ConfigureAwait(false);
                return;
            }

            string? fault = null;
            foreach (var effect in effects)
            {
                try
                {
                    await CarryOutAsync(effect).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // Each effect on its own: one that fails must not keep the others (ports, the ACD, the record) from happening.
                    if (_core.Finished)
                    {
                        TelephonyLog.CallCleanupFaulted(_owner.Logger, exception, Id);
                    }
                    else
                    {
                        TelephonyLog.CallFaulted(_owner.Logger, exception, Id, _caller.SipCallId);
                        fault ??= Phrase($"{exception.GetType().Name}: {exception.Message}");
                    }
                }
            }

            if (fault is not null && !_core.Finished)
                _followUps.Enqueue(new StepFaulted(fault));
        }
    }

    private async Task CarryOutAsync(CallEffect effect)
    {
        switch (effect)
        {
            case AnswerCaller:
                var terms = await _signalling.AnswerCallerAsync(_caller).ConfigureAwait(false);
                _caller.ExpectAudio(_owner.Time.GetUtcNow(), peerHolds: false);
                _dialogs.StartSessionTimer(_caller, terms);
                break;
            case RelayRinging:
                await LegSignalling.RelayRingingAsync(_caller).ConfigureAwait(false);
                break;
            case RefuseCaller refuse:
                await LegSignalling.RefuseCallerAsync(_caller, refuse.StatusCode, refuse.ReasonPhrase).ConfigureAwait(false);
                break;
            case ByeCaller:
                _signalling.SendBye(_caller);
                break;
            case StartPlayback play:
                _audio.Play(play.Sound, play.Repeat, () => Post(new Decide(new PlaybackEnded(play.Request))));
                break;
            case StopPlayback:
                _audio.StopPlayback();
                break;
            case StartLoop loop:
                _audio.Loop(loop.Sound);
                break;
            case StopLoop:
                _audio.StopLoop();
                break;
            case BridgeTo bridge:
                _talkedWith = _legs[bridge.Leg];
                _audio.BridgeTo(_talkedWith);
                break;
            case Unbridge:
                _audio.Unbridge();
                break;
            case SendDigits digits:
                _audio.SendDigits(digits.Digits, _callerGone.Token);
                break;
            case PlaceLeg place:
                PlaceLeg(place);
                break;
            // A leg that could not be placed has nothing to time, hang up or release: its failure is on its way to the core.
            case StartRingTimer ring when _legs.TryGetValue(ring.Leg, out var leg):
                leg.RingTimer = _owner.Time.CreateTimer(_ => Post(new Decide(new LegRingTimedOut(ring.Leg))), null, ring.RingTime, Timeout.InfiniteTimeSpan);
                break;
            case HangUpLeg hangUp when _legs.TryGetValue(hangUp.Leg, out var leg):
                _signalling.HangUp(leg);
                break;
            case ReleaseLeg release when _legs.TryGetValue(release.Leg, out var leg):
                await leg.DisposeAsync().ConfigureAwait(false);
                break;
            case StartRingTimer or HangUpLeg or ReleaseLeg:
                break;
            case TellAcd tell:
                _owner.Acd.Post(tell.Input);
                break;
            case Publish publish:
                _owner.Publish(publish.Event);
                break;
            case UserPartChanged changed:
                lock (_viewLock)
                {
                    if (changed.Part is { } part)
                    {
                        _viewUsers.Add(changed.UserId);
                        _viewParts[changed.UserId] = part;
                    }
                    else
                    {
                        _viewParts.Remove(changed.UserId);
                    }
                }

                break;
            case QueueChosen queue:
                lock (_viewLock)
                    _queueId = queue.QueueId;
                break;
            case ForwardNotPlaced notPlaced:
                TelephonyLog.ForwardNotPlaced(_owner.Logger, Id, notPlaced.RequestUri, notPlaced.Reason);
                break;
            case RequestDone done:
                Reply(done.Request, true);
                break;
            case CallUserDone done:
                Reply(done.Request, done.Result);
                break;
            case ForwardDone done:
                Reply(done.Request, done.Answered);
                break;
            case QueueWaitDone done:
                Reply(done.Request, done.Result);
                break;
            case WorkspaceDone done:
                Reply(done.Request, done.Applied);
                break;
            case FinishCall finished:
                await FinishAsync(finished).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"No way to carry out {effect.GetType().Name}.", nameof(effect));
        }
    }

    /// <summary>Opens the leg the core placed; one that cannot be placed (no free port, an unreachable device) is reported failed.</summary>
    private void PlaceLeg(PlaceLeg place)
    {
        try
        {
            var leg = place.Destination is { } destination
                ? _signalling.SendInvite(place.Leg, place.RequestUri!, destination, place.UserId)
                : _signalling.OpenWebphoneLeg(place.Leg);
            _legs[place.Leg] = leg;
        }
        catch (Exception exception) when (exception is SocketException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            if (place.UserId is { } userId)
                TelephonyLog.OfferNotRung(_owner.Logger, exception, Id, userId);
            else
                TelephonyLog.ForwardNotPlaced(_owner.Logger, Id, place.RequestUri ?? "", exception.Message);
            _followUps.Enqueue(new LegFailed(place.Leg, Refused: false, Phrase(exception.Message)));
        }
    }

    /// <summary>Answers a request with the core's answer, when the one asking still waits for it.</summary>
    private void Reply<T>(RequestId request, T answer)
    {
        if (!_pending.Remove(request, out var done))
            return;
        if (done is TaskCompletionSource<T> typed)
            typed.TrySetResult(answer);
        else
            throw new InvalidOperationException($"Request {request.Value} waits for another answer than {typeof(T).Name}.");
    }

    /// <summary>
    /// A response to a placed leg's INVITE, read into the core's terms: ringing, refused or failed, or answered. Every 2xx
    /// is acknowledged and gets a dialog, so that a leg the core no longer wants can be hung up with a BYE.
    /// </summary>
    private async Task CalleeRespondedAsync(CalleeLeg leg, SipResponse response)
    {
        var status = response.StatusCode;
        if (status < 200)
        {
            if (status is 180 or 183)
                await DecideAsync(new LegRinging(leg.Id)).ConfigureAwait(false);
            return;
        }

        if (status >= 300)
        {
            await DecideAsync(new LegFailed(leg.Id, Refused: status is 486 or 600 or 603, response.ToString())).ConfigureAwait(false);
            return;
        }

        leg.Dialog = SipDialog.CreateForUac(leg.Invite!.Request, response, LegSignalling.ContactOf(leg.Invite.Request));
        await _owner.Endpoint.SendAckAsync(leg.Dialog.CreateAck(1), CancellationToken.None).ConfigureAwait(false);
        if (_core.StateOf(leg.Id) is CalleeLegState.Calling or CalleeLegState.Ringing)
        {
            _dialogs.StartSessionTimer(leg, SessionTimerNegotiation.ForAnswer(response));
            if (!SdpBody.TryRead(response, out var answer, out var error) || !OfferAnswer.TryReadAnswer(answer, out var audio, out _))
            {
                // An answer we cannot talk with is over at once.
                _signalling.SendBye(leg);
                await DecideAsync(new LegFailed(leg.Id, Refused: false, $"unusable SDP answer: {error}")).ConfigureAwait(false);
                return;
            }

            leg.Media.Connect(audio.RemoteRtp, audio.RemoteRtcp, audio.Format);
        }

        await DecideAsync(new LegAnswered(leg.Id)).ConfigureAwait(false);
    }

    private async Task ByeAsync(SipServerTransaction bye)
    {
        await bye.SendResponseAsync(bye.CreateResponse(200), CancellationToken.None).ConfigureAwait(false);
        var callId = SipCallIdOf(bye.Request);
        if (callId == _caller.SipCallId)
            await DecideAsync(new CallerLeft()).ConfigureAwait(false);
        else if (LegBySipCallId(callId) is { } leg)
            await DecideAsync(new LegHungUp(leg.Id)).ConfigureAwait(false);
    }

    private async Task SessionTimerDueAsync(Leg leg)
    {
        if (IsLive(leg) && _dialogs.SessionTimerDue(leg, PartyName(leg)) is { } gone)
            await VanishedAsync(leg, gone).ConfigureAwait(false);
    }

    private async Task SessionRefreshAnsweredAsync(SessionRefreshAnswered answered)
    {
        if (await _dialogs.RefreshAnsweredAsync(answered, IsLive(answered.Leg), PartyName(answered.Leg), _audio.Rebridge).ConfigureAwait(false) is { } gone)
            await VanishedAsync(answered.Leg, gone).ConfigureAwait(false);
    }

    /// <summary>
    /// A leg in conversation whose peer sent no audio for the timeout has vanished without BYE (a phone unplugged, a
    /// network gone): the core ends the call for everyone, so that neither the caller nor an agent is held by it for ever.
    /// </summary>
    private async Task CheckMediaAsync()
    {
        var (timeout, now) = (_owner.Options.MediaInactivityTimeout, _owner.Time.GetUtcNow());
        // Held from the workspace, the caller hears music and may well say nothing.
        if (_core.OnHold)
            return;
        var seconds = (int)timeout.TotalSeconds;
        if (_core.Caller == CallerLegState.Answered && _caller.IsSilentFor(timeout, now))
            await DecideAsync(new CallerVanished($"no audio from the caller for {seconds} s")).ConfigureAwait(false);
        else if (_core.Conversation is { } conversation && _legs[conversation].IsSilentFor(timeout, now))
            await DecideAsync(new LegVanished(conversation, $"no audio from the called leg for {seconds} s")).ConfigureAwait(false);
    }

    private Task CallerDigit(char digit)
    {
        _digits.Append(digit);
        _owner.Publish(new DigitPressed(Id, digit));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The user's webphone accepts what rings it (an ACD offer first): its media is answered, then the core hears the
    /// leg answered, as it would a device's 200 OK.
    /// </summary>
    private async Task WebphoneAcceptAsync(WebphoneAcceptRequested request)
    {
        if (_core.RingingWebphone(request.UserId) is not { } id)
        {
            request.Done.TrySetResult(new WebphoneAcceptOutcome(WebphoneAcceptStatus.NotRinging));
            return;
        }

        var outcome = WebphoneMedia.Answer(_owner, this, _legs[id], request.SdpOffer);
        if (outcome.Status == WebphoneAcceptStatus.Answered)
            await DecideAsync(new LegAnswered(id)).ConfigureAwait(false);
        request.Done.TrySetResult(outcome);
    }

    /// <summary>
    /// The user's page reloaded during the conversation and its new peer connection offers again: answered on the
    /// same leg, the caller and the call stay as they are; the bridge is made again for the format the new offer chose.
    /// </summary>
    private Task WebphoneReconnect(WebphoneReconnectRequested request)
    {
        if (_core.ConversationOf(request.UserId) is not { } id || _legs[id] is not { IsWebphone: true, WebRtc: not null } leg)
        {
            request.Done.TrySetResult(new WebphoneAcceptOutcome(WebphoneAcceptStatus.NotConnected));
            return Task.CompletedTask;
        }

        var outcome = WebphoneMedia.Reconnect(_owner, this, leg, request.SdpOffer);
        if (outcome.Status == WebphoneAcceptStatus.Answered)
            _audio.Rebridge();
        request.Done.TrySetResult(outcome);
        return Task.CompletedTask;
    }

    /// <summary>A webphone's browser stopped answering ICE consent checks (closed tab, lost network): its user is gone.</summary>
    private async Task WebphoneConsentCheckAsync(WebphoneConsentCheck check)
    {
        var leg = check.Leg;
        // A channel a reloaded page replaced lapses without ending anything: its successor is watched on its own.
        if (!IsLive(leg) || !ReferenceEquals(leg.WebRtc, check.Channel) || check.Channel.Ice.HasConsent)
            return;
        leg.ConsentTimer?.Dispose();
        await DecideAsync(new LegVanished(leg.Id, "the webphone stopped answering ICE consent checks")).ConfigureAwait(false);
    }

    private Task VanishedAsync(Leg leg, string detail) =>
        DecideAsync(leg is CalleeLeg callee ? new LegVanished(callee.Id, detail) : new CallerVanished(detail));

    private bool IsLive(Leg leg) => leg is CalleeLeg callee
        ? _core.StateOf(callee.Id) != CalleeLegState.Ended
        : _core.Caller != CallerLegState.Ended;

    /// <summary>The live leg whose dialog <paramref name="request"/> belongs to, if any.</summary>
    private Leg? LiveLeg(SipRequest request)
    {
        var callId = SipCallIdOf(request);
        Leg? leg = callId == _caller.SipCallId ? _caller : LegBySipCallId(callId);
        return leg is not null && IsLive(leg) ? leg : null;
    }

    private CalleeLeg? LegBySipCallId(string sipCallId)
    {
        foreach (var leg in _legs.Values)
        {
            if (leg.SipCallId == sipCallId)
                return leg;
        }

        return null;
    }

    private static string SipCallIdOf(SipRequest request)
    {
        request.TryGetCallId(out var callId);
        return Encoding.UTF8.GetString(callId.Span);
    }

    private string PartyName(Leg leg) => ReferenceEquals(leg, _caller) ? "caller" : "called leg";

    /// <summary>The call is over (every leg already released): what it held is let go and its record is written.</summary>
    private async Task FinishAsync(FinishCall finished)
    {
        _mailbox.Writer.TryComplete();
        _mediaCheck?.Dispose();
        _audio.Dispose();
        // Calls out to the scenario: a fault there must not keep the media and the record from being released.
        await CleanUpAsync(_callerGone.CancelAsync).ConfigureAwait(false);
        await _caller.DisposeAsync().ConfigureAwait(false);
        _owner.Remove(this, [_caller.SipCallId, .. _signalling.PlacedSipCallIds]);
        _owner.Publish(new CallFinished(new CallSummary(
            Id, _caller.SipCallId, Incoming.CallerNumber, Incoming.DialledNumber, _startedAt, finished.AnsweredAt, _owner.Time.GetUtcNow(),
            finished.Result, finished.Detail, _digits.ToString(), _caller.Statistics, _talkedWith?.Statistics, finished.QueueId,
            finished.Agents, finished.Transfers)));
    }

    /// <summary>
    /// The core failed (a bug): the shell lets go of what it holds on its own, each step apart, so that no port, peer
    /// or agent is held by a call nobody runs any more. The ACD hears the call ended (it ignores a call it does not know).
    /// </summary>
    private async Task AbandonAsync()
    {
        _mailbox.Writer.TryComplete();
        _mediaCheck?.Dispose();
        _audio.Dispose();
        await CleanUpAsync(async () =>
        {
            await LegSignalling.RefuseCallerAsync(_caller, 500, "Server Error").ConfigureAwait(false);
            _signalling.SendBye(_caller);
        }).ConfigureAwait(false);
        foreach (var leg in _legs.Values)
        {
            await CleanUpAsync(async () =>
            {
                _signalling.HangUp(leg);
                await leg.DisposeAsync().ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        await CleanUpAsync(_callerGone.CancelAsync).ConfigureAwait(false);
        await _caller.DisposeAsync().ConfigureAwait(false);
        _owner.Acd.Post(new Domain.Acd.CallEnded(Id));
        _owner.Remove(this, [_caller.SipCallId, .. _signalling.PlacedSipCallIds]);
        _owner.Publish(new CallFinished(new CallSummary(
            Id, _caller.SipCallId, Incoming.CallerNumber, Incoming.DialledNumber, _startedAt, null, _owner.Time.GetUtcNow(),
            CallResult.Failed, "the call's rules failed", _digits.ToString(), _caller.Statistics, _talkedWith?.Statistics, null, [], [])));
    }

    private async Task CleanUpAsync(Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            TelephonyLog.CallCleanupFaulted(_owner.Logger, exception, Id);
        }
    }

    private LiveCallView ViewUnderLock() =>
        new(Id, Incoming.DialledNumber, Incoming.CallerNumber, Incoming.CallerName, _startedAt, _queueId, Variables, [.. _viewUsers]);

    /// <summary>A reason phrase is one line of text.</summary>
    internal static string Phrase(string text) => text.ReplaceLineEndings(" ");
}
