using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Bridging;
using Switchboard.Media.Playback;
using Switchboard.Media.Sdp;
using Switchboard.Sip;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Headers;
using Switchboard.Sip.SessionTimers;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

using AcdCallEnded = Switchboard.Domain.Acd.CallEnded;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// One live call and its only owner: every SIP message of its legs, every request of its scenario and every timer
/// arrives as a <see cref="CallMessage"/> in its mailbox and is handled in order on one flow, so its state needs no
/// lock. Long work (playing a sound, waiting for a response) runs elsewhere and posts its result back.
/// </summary>
#pragma warning disable CA1001 // The bridge is released by FinishAsync; the token source has no timer and its token must outlive the call for the scenario.
internal sealed partial class Call
#pragma warning restore CA1001
{
    /// <summary>How long a forward target may ring; carriers usually give up sooner themselves.</summary>
    private static readonly TimeSpan ForwardRingTime = TimeSpan.FromSeconds(60);

    /// <summary>After a 491 the owner of the Call-ID waits 2.1-4 s and the other side up to 2 s (RFC 3261 §14.1): within both.</summary>
    private static readonly TimeSpan GlareRetry = TimeSpan.FromSeconds(2.1);

    private readonly BackToBackUserAgent _owner;
    private readonly Channel<CallMessage> _mailbox = Channel.CreateUnbounded<CallMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _callerGone = new();
    private readonly CallerLeg _caller;
    private readonly StringBuilder _digits = new();
    private readonly DateTimeOffset _startedAt;
    private readonly AgentOffers _offers;
    private readonly LegSignalling _signalling;
    private CalleeLeg? _callee;
    private MediaBridge? _bridge;
    private CancellationTokenSource? _playback;
    // What loops to the caller: music on hold, or ringback.
    private CancellationTokenSource? _loop;
    private ITimer? _mediaCheck;
    // Written on the call's flow under _viewLock, since View reads it from anywhere; the flow itself reads it freely.
    private Guid? _queueId;
    // The ACD knows the call (it arrived in a queue) and must hear its end: the agent's wrap-up, or an abandoned wait.
    private bool _knownToAcd;
    private QueueStay? _stay;
    private DateTimeOffset? _answeredAt;
    private CallResult? _result;
    private string _detail = "";
    private readonly CallHandlers _handlers = new();
    private DateTimeOffset? _waitingSince;
    private bool _finished;
    // What View shows, written on the call's flow and read from anywhere.
    private readonly Lock _viewLock = new();
    private readonly HashSet<Guid> _viewUsers = [];

    public Call(BackToBackUserAgent owner, IncomingCall incoming, CallerLeg caller, DateTimeOffset startedAt)
    {
        _owner = owner;
        Incoming = incoming;
        _caller = caller;
        _startedAt = startedAt;
        Variables = CallVariables.ForIncomingCall(incoming);
        _signalling = new LegSignalling(this, owner);
        _offers = new AgentOffers(this, owner, _signalling, caller);
        caller.Media.DigitReceived += (_, e) => Post(new DigitReceived(e.Digit));
        caller.Invite.CancellationRequested.Register(() => Post(new CallerCancelled()));
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

    /// <summary>Posts a request carrying <typeparamref name="T"/>'s completion and waits for it, or for the caller to hang up.</summary>
    public async Task<T> AskAsync<T>(Func<TaskCompletionSource<T>, CallMessage> request, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(request(done)))
            throw new OperationCanceledException("The call has ended.", cancellationToken);
        // A request the call carried out wins over a cancellation that comes after it (the call ending as it answers).
        using (cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)))
            return await done.Task.ConfigureAwait(false);
    }

    public async Task AskAsync(Func<TaskCompletionSource, CallMessage> request, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(request(done)))
            throw new OperationCanceledException("The call has ended.", cancellationToken);
        using (cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)))
            await done.Task.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        // Runs synchronously up to its first await, so that CallStarted precedes everything the scenario reports.
        await HandleGuardedAsync(() =>
        {
            _owner.Publish(new CallStarted(Id, Incoming.DialledNumber, Incoming.CallerNumber, _caller.SipCallId, _startedAt));
            return Task.CompletedTask;
        }).ConfigureAwait(false);

        // The mailbox is completed by Finish, so this loop is the call's lifetime.
        await foreach (var message in _mailbox.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_finished)
                continue;
            await HandleGuardedAsync(() => HandleAsync(message)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one step of the call; whatever it throws (an unreachable leg, a peer that broke the protocol, a bug, an
    /// observer that failed) ends the call cleanly rather than leaving it half alive with its agent reserved.
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
            _result ??= CallResult.Failed;
            _detail = Phrase($"{exception.GetType().Name}: {exception.Message}");
            // Each step on its own: one that fails again must not keep the others (ports, the ACD, the record) from happening.
            await EndStepAsync(() => EndCallerAsync(500, "Server Error")).ConfigureAwait(false);
            await EndStepAsync(EndCalleeAsync).ConfigureAwait(false);
            await EndStepAsync(FinishAsync).ConfigureAwait(false);
        }
    }

    private async Task EndStepAsync(Func<Task> step)
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

        Post(new ScenarioFinished(result));
    }

    private Task HandleAsync(CallMessage message) => message switch
    {
        AnswerRequested answer => AnswerAsync(answer),
        PlayRequested play => PlayAsync(play),
        CallUserRequested callUser => CallUserAsync(callUser),
        ForwardRequested forward => ForwardAsync(forward),
        HangupRequested hangup => HangupAsync(hangup),
        ScenarioFinished finished => ScenarioFinishedAsync(finished),
        CalleeResponded responded => CalleeRespondedAsync(responded),
        RingingTimedOut timedOut => RingingTimedOutAsync(timedOut.Leg),
        ByeReceived bye => ByeAsync(bye.Transaction),
        ReinviteReceived reinvite => ReinviteAsync(reinvite.Transaction),
        CallerCancelled => CallerLeftAsync(),
        AckTimedOut => EndEverythingAsync(CallResult.Failed, "the caller never acknowledged our 200 OK"),
        MediaCheckDue => CheckMediaAsync(),
        SessionTimerDue due => SessionTimerDueAsync(due.Leg),
        SessionRefreshAnswered answered => SessionRefreshAnsweredAsync(answered),
        DigitReceived digit => DigitAsync(digit.Digit),
        ShutdownRequested => EndEverythingAsync(CallResult.Failed, "the server stopped"),
        QueueRequested queue => QueueAsync(queue),
        QueueTookCall => QueueTookCallAsync(),
        QueueLeft left => LeftQueueAsync(left),
        OfferRequested offer => OfferAsync(offer.Offer),
        OfferWithdrawn withdrawn => _offers.WithdrawAsync(withdrawn.OfferId, withdrawn.Reason),
        ConnectRequested connect => ConnectAsync(connect.Connect),
        WebphoneAcceptRequested accept => WebphoneAcceptAsync(accept),
        WebphoneReconnectRequested reconnect => WebphoneReconnectAsync(reconnect),
        RefuseRequested refuse => RefuseAsync(refuse),
        UserHangupRequested hangup => UserHangupAsync(hangup),
        HoldRequested hold => UserHoldAsync(hold),
        DigitsRequested digits => SendDigitsAsync(digits),
        TransferRequested transfer => TransferAsync(transfer),
        WebphoneConsentCheck check => WebphoneConsentCheckAsync(check),
        _ => throw new ArgumentException($"No handling for {message.GetType().Name}.", nameof(message)),
    };

    private async Task AnswerAsync(AnswerRequested request)
    {
        await AnswerCallerAsync().ConfigureAwait(false);
        request.Done.TrySetResult();
    }

    private Task PlayAsync(PlayRequested request)
    {
        StopLoopToCaller();
        StopPlayback();
        var playback = new CancellationTokenSource();
        _playback = playback;
        _ = PlayInBackgroundAsync(request, playback.Token);
        return Task.CompletedTask;
    }

    private async Task PlayInBackgroundAsync(PlayRequested request, CancellationToken cancellationToken)
    {
        try
        {
            await _owner.Player.PlayAsync(_caller.Media, request.Sound, PlaybackRepeat.Count(Math.Max(1, request.Repeat)), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Done.TrySetResult();
        }
    }

    private Task CallUserAsync(CallUserRequested request)
    {
        if (_callee is { Ended: false })
        {
            request.Done.TrySetResult(CallUserResult.Unavailable);
            return Task.CompletedTask;
        }

        var ringTime = TimeSpan.FromSeconds(request.RingSeconds);
        var leg = request.Target.Device is { } device
            ? PlaceCall(device.ContactUri, device.Source, request.UserId, ringTime)
            : RingWebphone(request.UserId, ringTime);
        RingbackWhileRinging();
        _ = leg.Done.Task.ContinueWith(done => request.Done.TrySetResult(done.Result), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    /// <summary>A forward that cannot be placed, is refused or is not answered falls through to the scenario's next action.</summary>
    private Task ForwardAsync(ForwardRequested request)
    {
        if (request.Destination is not { } destination || _callee is { Ended: false })
        {
            TelephonyLog.ForwardNotPlaced(_owner.Logger, Id, request.RequestUri, request.Reason);
            request.Done.TrySetResult(false);
            return Task.CompletedTask;
        }

        var leg = PlaceCall(request.RequestUri, destination, userId: null, ForwardRingTime);
        RingbackWhileRinging();
        _ = leg.Done.Task.ContinueWith(done => request.Done.TrySetResult(done.Result == CallUserResult.Answered), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A caller already answered hears ringback while the user or number the scenario puts them through to rings; one not
    /// answered yet hears the ringing the callee's 180 is relayed as.
    /// </summary>
    private void RingbackWhileRinging()
    {
        if (_caller.Answered)
            StartLoopToCaller(BuiltInSounds.Ringback);
    }

    private async Task HangupAsync(HangupRequested request)
    {
        await EndEverythingAsync(CallResult.HungUpByScenario, $"scenario: {request.Reason}").ConfigureAwait(false);
        request.Done.TrySetResult();
    }

    private async Task ScenarioFinishedAsync(ScenarioFinished finished)
    {
        switch (finished.Result?.Outcome)
        {
            case AnsweredByUser or Forwarded or AnsweredFromQueue:
                // The call now lives on as a conversation until one side hangs up.
                if (_bridge is null && _callee is not { Ended: false })
                    await EndEverythingAsync(_result ?? CallResult.Failed, "the call was handed on but no leg is connected").ConfigureAwait(false);
                break;
            case null:
                await EndEverythingAsync(CallResult.Failed, "the scenario failed").ConfigureAwait(false);
                break;
            default:
                await EndEverythingAsync(_result ?? CallResult.HungUpByScenario, "").ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The scenario puts the call in a queue; its wait ends when the ACD connects an agent or lets the call go.</summary>
    private Task QueueAsync(QueueRequested request)
    {
        EnterQueue(request.QueueId, request.Priority, request.MaxWaitSeconds, request.Music, request.Done);
        return Task.CompletedTask;
    }

    /// <summary>The one way into a queue, for a scenario and a transfer alike: the ACD hears of the call and decides.</summary>
    private void EnterQueue(Guid queueId, int priority, int? maxWaitSeconds, EncodedSound? music, TaskCompletionSource<QueueWaitResult>? waiter)
    {
        var now = _owner.Time.GetUtcNow();
        _waitingSince ??= now;
        _stay = new QueueStay(now, music, waiter);
        lock (_viewLock)
            _queueId = queueId;
        _knownToAcd = true;
        _owner.Acd.Post(new CallArrived(Id, queueId, priority, maxWaitSeconds));
    }

    /// <summary>
    /// The queue took the call (before any offer, the ACD's order): now the caller is answered for its music, which a
    /// queue that refuses the call never does, so that a full queue leaves no billed zero-second call behind.
    /// </summary>
    private async Task QueueTookCallAsync()
    {
        if (_stay is not { Music: { } music })
            return;
        await AnswerCallerAsync().ConfigureAwait(false);
        StartLoopToCaller(music);
    }

    /// <summary>
    /// The ACD let the call go unanswered (timed out, refused on arrival, the queue removed): the music stops and the
    /// scenario goes on; a call a transfer queued has no scenario left, and ends.
    /// </summary>
    private async Task LeftQueueAsync(QueueLeft left)
    {
        if (_stay is not { } stay)
            return;
        _stay = null;
        _knownToAcd = false;
        StopLoopToCaller();
        if (stay.Waiter is { } waiter)
            waiter.TrySetResult(QueueStayEnd.Unanswered(left.Outcome, _owner.Time.GetUtcNow() - stay.EnteredAt));
        else
            await EndEverythingAsync(CallResult.Failed, "the call left the queue it was transferred to unanswered").ConfigureAwait(false);
    }

    /// <summary>Loops <paramref name="sound"/> (music on hold, ringback) to the caller until <see cref="StopLoopToCaller"/>.</summary>
    private void StartLoopToCaller(EncodedSound sound)
    {
        StopLoopToCaller();
        StopPlayback();
        var loop = new CancellationTokenSource();
        _loop = loop;
        _ = PlayLoopAsync(sound, loop.Token);
    }

    private async Task PlayLoopAsync(EncodedSound sound, CancellationToken cancellationToken)
    {
        try
        {
            await _owner.Player.PlayAsync(_caller.Media, sound, PlaybackRepeat.Forever, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException or SocketException)
        {
            // The caller's media closed under the music: the call is ending, there is nobody left to hear it.
        }
    }

    private void StopLoopToCaller()
    {
        if (_loop is null)
            return;
        _loop.Cancel();
        _loop.Dispose();
        _loop = null;
    }

    private Task OfferAsync(OfferCall offer)
    {
        _offers.Ring(offer);
        return Task.CompletedTask;
    }

    /// <summary>The ACD gave the call to the agent whose answer it accepted: music stops and caller and agent are bridged.</summary>
    private async Task ConnectAsync(ConnectCall connect)
    {
        if (!_offers.TryTake(connect.OfferId, out var leg) || leg.Ended || !leg.Answered || _caller.Ended)
        {
            if (leg is not null)
                await _offers.EndAsync(connect.OfferId, leg, RingingStopReason.Failed).ConfigureAwait(false);
            await EndEverythingAsync(CallResult.Failed, "the agent's leg was gone when the ACD connected it").ConfigureAwait(false);
            return;
        }

        // The call holds the leg from now on, so that it is hung up with the call whatever happens next.
        _callee = leg;
        StopLoopToCaller();
        StopPlayback();
        await AnswerCallerAsync().ConfigureAwait(false);
        leg.ExpectAudio(_owner.Time.GetUtcNow(), peerHolds: false);
        _bridge?.Dispose();
        _bridge = new MediaBridge(_caller.Media, leg.Media);
        _result = CallResult.AnsweredFromQueue;
        UserConnectedTo(leg, connect.AgentId);
        if (_stay is { } stay)
        {
            _stay = null;
            stay.Waiter?.TrySetResult(new AnsweredInQueue(connect.AgentId, _owner.Time.GetUtcNow() - stay.EnteredAt));
        }
    }

    /// <summary>Opens a leg and sends its INVITE; <see cref="CalleeLeg.Done"/> completes when it is answered or given up.</summary>
    private CalleeLeg PlaceCall(string requestUri, SipTransportAddress destination, Guid? userId, TimeSpan ringTime) =>
        Ring(_signalling.SendInvite(requestUri, destination, userId, offerId: null), ringTime);

    /// <summary>Rings a user's webphone; <see cref="CalleeLeg.Done"/> completes when they accept, refuse or let it ring.</summary>
    private CalleeLeg RingWebphone(Guid userId, TimeSpan ringTime) => Ring(_signalling.OpenWebphoneLeg(userId, offerId: null), ringTime);

    private CalleeLeg Ring(CalleeLeg leg, TimeSpan ringTime)
    {
        _callee = leg;
        leg.RingTimer = _owner.Time.CreateTimer(_ => Post(new RingingTimedOut(leg)), null, ringTime, Timeout.InfiniteTimeSpan);
        RingStarted(leg, ringTime);
        return leg;
    }

    private async Task CalleeRespondedAsync(CalleeResponded responded)
    {
        var (leg, response) = (responded.Leg, responded.Response);
        if (leg.OfferId is { } offerId && !ReferenceEquals(leg, _callee))
        {
            await _offers.RespondedAsync(offerId, leg, response).ConfigureAwait(false);
            return;
        }

        var status = response.StatusCode;
        if (!ReferenceEquals(leg, _callee) || leg.Ended)
        {
            if (status is >= 200 and < 300)
                await _signalling.HangUpLateAnswerAsync(leg, response).ConfigureAwait(false);
            return;
        }

        if (status < 200)
        {
            if (status is 180 or 183 && !_caller.Answered && !_caller.RingingSent && !_caller.Ended)
            {
                _caller.RingingSent = true;
                await _caller.Invite.SendResponseAsync(_caller.Invite.CreateResponse(180), CancellationToken.None).ConfigureAwait(false);
            }

            return;
        }

        leg.RingTimer?.Dispose();
        if (status >= 300)
        {
            var refused = status is 486 or 600 or 603;
            RingStopped(leg, refused ? RingingStopReason.Refused : RingingStopReason.Failed);
            await CalleeFailedAsync(leg, refused ? CallUserResult.Refused : CallUserResult.NoAnswer, response.ToString())
                .ConfigureAwait(false);
            return;
        }

        leg.Dialog = SipDialog.CreateForUac(leg.Invite!.Request, response, LegSignalling.ContactOf(leg.Invite.Request));
        await _owner.Endpoint.SendAckAsync(leg.Dialog.CreateAck(1), CancellationToken.None).ConfigureAwait(false);
        StartSessionTimer(leg, SessionTimerNegotiation.ForAnswer(response));
        if (!SdpBody.TryRead(response, out var answer, out var error) || !OfferAnswer.TryReadAnswer(answer, out var audio, out _))
        {
            _signalling.SendBye(leg);
            RingStopped(leg, RingingStopReason.Failed);
            await CalleeFailedAsync(leg, CallUserResult.NoAnswer, $"unusable SDP answer: {error}").ConfigureAwait(false);
            return;
        }

        leg.Media.Connect(audio.RemoteRtp, audio.RemoteRtcp, audio.Format);
        await CalleeAnsweredAsync(leg).ConfigureAwait(false);
    }

    /// <summary>The leg the call rang answered (its media is connected): the caller is bridged to it.</summary>
    private async Task CalleeAnsweredAsync(CalleeLeg leg)
    {
        leg.RingTimer?.Dispose();
        StopPlayback();
        StopLoopToCaller();
        await AnswerCallerAsync().ConfigureAwait(false);
        leg.ExpectAudio(_owner.Time.GetUtcNow(), peerHolds: false);
        _bridge?.Dispose();
        _bridge = new MediaBridge(_caller.Media, leg.Media);
        _result = leg.IsForward ? CallResult.Forwarded : CallResult.AnsweredByUser;
        if (leg.UserId is { } userId)
        {
            RingStopped(leg, RingingStopReason.Answered);
            UserConnectedTo(leg, userId);
            // A call the ACD did not give them keeps an agent from its offers while it lasts.
            _owner.Acd.Post(new SetAgentBusyElsewhere(userId, Busy: true));
        }

        leg.Done.TrySetResult(CallUserResult.Answered);
    }

    private async Task CalleeFailedAsync(CalleeLeg leg, CallUserResult result, string detail)
    {
        leg.Ended = true;
        await leg.DisposeAsync().ConfigureAwait(false);
        if (leg.EndsCallOnFailure)
            await EndEverythingAsync(CallResult.ForwardFailed, detail).ConfigureAwait(false);
        else
            StopLoopToCaller();
        leg.Done.TrySetResult(result);
    }

    private async Task RingingTimedOutAsync(CalleeLeg leg)
    {
        if (!ReferenceEquals(leg, _callee) || leg.Ended || leg.Answered)
            return;
        RingStopped(leg, RingingStopReason.NoAnswer);
        await EndCalleeAsync().ConfigureAwait(false);
        if (leg.EndsCallOnFailure)
            await EndEverythingAsync(CallResult.ForwardFailed, "the transfer's target did not answer").ConfigureAwait(false);
        else
            StopLoopToCaller();
        leg.Done.TrySetResult(CallUserResult.NoAnswer);
    }

    private async Task ByeAsync(SipServerTransaction bye)
    {
        bye.Request.TryGetCallId(out var callIdBytes);
        var callId = Encoding.UTF8.GetString(callIdBytes.Span);
        await bye.SendResponseAsync(bye.CreateResponse(200), CancellationToken.None).ConfigureAwait(false);
        if (callId == _caller.SipCallId)
        {
            _caller.Ended = true;
            await CallerLeftAsync().ConfigureAwait(false);
        }
        else if (_callee is { } callee && callId == callee.SipCallId)
        {
            callee.Ended = true;
            CalleeLeft(callee, UserLeftReason.HungUp);
            // The person the caller talked to hung up: so does the caller's leg, the conversation is over.
            await EndEverythingAsync(_result ?? CallResult.Failed, "").ConfigureAwait(false);
        }
        else
        {
            await _offers.AgentHungUpAsync(callId).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A leg in conversation whose peer sent no audio for the timeout has vanished without BYE (a phone unplugged, a
    /// network gone): the call ends for everyone, so that neither the caller nor an agent is held by it for ever.
    /// </summary>
    private async Task CheckMediaAsync()
    {
        var (timeout, now) = (_owner.Options.MediaInactivityTimeout, _owner.Time.GetUtcNow());
        // Held from the workspace, the caller hears music and may well say nothing.
        if (_held)
            return;
        var seconds = (int)timeout.TotalSeconds;
        if (_caller is { Ended: false } && _caller.IsSilentFor(timeout, now))
            await LegVanishedAsync(_caller, $"no audio from the caller for {seconds} s").ConfigureAwait(false);
        else if (_callee is { Ended: false, Answered: true } callee && callee.IsSilentFor(timeout, now))
            await LegVanishedAsync(callee, $"no audio from the called leg for {seconds} s").ConfigureAwait(false);
    }

    /// <summary>
    /// A leg in conversation whose peer is gone without BYE (no audio, no session refresh): the call ends with a BYE to
    /// every leg, so that neither the caller nor an agent is held by it. A leg not in conversation is left to its own end.
    /// </summary>
    private async Task LegVanishedAsync(Leg leg, string detail)
    {
        if (leg.Ended)
            return;
        if (ReferenceEquals(leg, _caller))
        {
            await EndEverythingAsync(_result ?? CallResult.Failed, detail).ConfigureAwait(false);
        }
        else if (ReferenceEquals(leg, _callee))
        {
            CalleeLeft(_callee, UserLeftReason.Failed);
            await EndEverythingAsync(_result ?? CallResult.Failed, detail).ConfigureAwait(false);
        }
    }

    /// <summary>Starts (or stops, with no terms) a leg's session timer once its dialog's terms are agreed.</summary>
    internal void StartSessionTimer(Leg leg, SessionTerms? terms)
    {
        if (terms is null && leg.SessionTimer is null)
            return;
        leg.SessionTimer ??= new LegSessionTimer(_owner.Time, () => Post(new SessionTimerDue(leg)));
        leg.SessionTimer.Refreshed(terms, _owner.Time.GetUtcNow());
    }

    private async Task SessionTimerDueAsync(Leg leg)
    {
        if (leg.Ended || leg.SessionTimer is not { Terms: { } terms } timer)
            return;
        switch (timer.Due(_owner.Time.GetUtcNow()))
        {
            case SessionTimerStep.Refresh:
                _signalling.RefreshSession(leg, terms);
                break;
            case SessionTimerStep.Expired:
                await LegVanishedAsync(leg, $"the session with the {PartyName(leg)} was not refreshed within {terms.Seconds} s").ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Our refresh was answered: a 2xx renews the session (its SDP answer may move the media); no answer (408) or a
    /// dialog the peer no longer knows (481) means the peer is gone (RFC 4028 §10); a re-INVITE crossing ours (491)
    /// is tried again shortly; any other refusal leaves the session to run out.
    /// </summary>
    private async Task SessionRefreshAnsweredAsync(SessionRefreshAnswered answered)
    {
        var (leg, response) = (answered.Leg, answered.Response);
        var now = _owner.Time.GetUtcNow();
        if (response.StatusCode is >= 200 and < 300 && leg.Dialog is { } dialog)
        {
            dialog.RefreshTarget(response);
            await _signalling.AcknowledgeRefreshAsync(dialog, answered.Refresh).ConfigureAwait(false);
            if (leg.Ended)
                return;
            if (SdpBody.TryRead(response, out var answer, out _) && OfferAnswer.TryReadAnswer(answer, out var audio, out _))
                ConnectRemoteAudio(leg, audio);
            leg.SessionTimer?.Refreshed(SessionTimerNegotiation.ForAnswer(response), now);
            return;
        }

        if (leg.Ended)
            return;
        if (response.StatusCode is 408 or 481)
            await LegVanishedAsync(leg, $"the {PartyName(leg)} did not answer a session refresh ({response.StatusCode})").ConfigureAwait(false);
        else
            leg.SessionTimer?.RefreshFailed(now, response.StatusCode == 491 ? now + GlareRetry : null);
    }

    /// <summary>A new offer or answer on a leg: its media follows the address (a learnt NAT source is kept when that did not change).</summary>
    private void ConnectRemoteAudio(Leg leg, NegotiatedAudio audio)
    {
        var formatChanged = leg.Media.Format != audio.Format;
        leg.Media.Connect(audio.RemoteRtp, audio.RemoteRtcp, audio.Format);
        if (formatChanged && _bridge is not null && _callee is { } connected)
        {
            // A bridge translates between the two formats it was built for.
            _bridge.Dispose();
            _bridge = new MediaBridge(_caller.Media, connected.Media);
        }
    }

    private string PartyName(Leg leg) => ReferenceEquals(leg, _caller) ? "caller" : "called leg";

    private async Task CallerLeftAsync()
    {
        _caller.Ended = true;
        await EndEverythingAsync(_result ?? CallResult.CallerHungUp, "").ConfigureAwait(false);
    }

    private async Task ReinviteAsync(SipServerTransaction reinvite)
    {
        reinvite.Request.TryGetCallId(out var callIdBytes);
        var callId = Encoding.UTF8.GetString(callIdBytes.Span);
        Leg? leg = callId == _caller.SipCallId ? _caller : _callee is { } callee && callId == callee.SipCallId ? callee : null;
        if (leg?.Dialog is not { } dialog || leg.Ended)
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

        var session = SessionTimersFor(reinvite.Request);
        if (session.TooSmallBelow is { } minimum)
        {
            await reinvite.SendResponseAsync(IntervalTooSmall(reinvite, minimum), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (!SdpBody.TryRead(reinvite.Request, out var offer, out var error))
        {
            await reinvite.SendResponseAsync(reinvite.CreateResponse(488, Phrase($"Unreadable SDP: {error}")), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (!OfferAnswer.TryAnswer(offer, leg.NextLocal(), out var answer, out var refusal))
        {
            await reinvite.SendResponseAsync(reinvite.CreateResponse(488, Phrase(refusal.Message)), CancellationToken.None).ConfigureAwait(false);
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
        ConnectRemoteAudio(leg, answer.Audio);
        leg.ExpectAudio(_owner.Time.GetUtcNow(), HoldDetector.IsHold(offer));
    }

    private Task DigitAsync(char digit)
    {
        _digits.Append(digit);
        _owner.Publish(new DigitPressed(Id, digit));
        return Task.CompletedTask;
    }

    private async Task AnswerCallerAsync()
    {
        if (_caller.Answered || _caller.Ended || _caller.Answer is not { } answer)
            return;
        var ok = _caller.Invite.CreateResponse(200);
        var contact = _owner.Endpoint.ContactUri(_caller.Invite.Received.Source, _owner.Options.ContactUser);
        ok.Headers.Add("Contact", $"<{contact}>");
        ok.Headers.Add("Allow", LegSignalling.AllowedMethods);
        // Admission refused an interval below our minimum, so the INVITE's terms are agreed here.
        var session = SessionTimersFor(_caller.Invite.Request);
        if (session.Terms is { } terms)
            SessionTimerNegotiation.AddToAnswer(ok, terms);
        SdpBody.Write(ok, answer.Description);
        _caller.Dialog = SipDialog.CreateForUas(_caller.Invite.Request, ok, contact);
        await _caller.Invite.SendResponseAsync(ok, CancellationToken.None).ConfigureAwait(false);
        _caller.Answered = true;
        _answeredAt = _owner.Time.GetUtcNow();
        _caller.ExpectAudio(_answeredAt.Value, peerHolds: false);
        StartSessionTimer(_caller, session.Terms);
    }

    private SessionTimerAnswer SessionTimersFor(SipRequest request) =>
        _owner.Options.SessionTimers is { } policy ? SessionTimerNegotiation.ForRequest(request, policy) : SessionTimerAnswer.None;

    /// <summary>422 Session Interval Too Small, with the minimum to ask for again (RFC 4028 §9).</summary>
    internal static SipResponse IntervalTooSmall(SipServerTransaction transaction, uint minimum)
    {
        var tooSmall = transaction.CreateResponse(422);
        tooSmall.Headers.Add("Min-SE", minimum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return tooSmall;
    }

    /// <summary>Ends every leg and the call: a final response or BYE to the caller, CANCEL or BYE to the callee.</summary>
    private async Task EndEverythingAsync(CallResult result, string detail)
    {
        _result ??= result;
        if (detail.Length > 0 && _detail.Length == 0)
            _detail = detail;
        await EndCallerAsync(480, _result == CallResult.ForwardFailed ? "Forward Failed" : "Call Ended By Switchboard").ConfigureAwait(false);
        await EndCalleeAsync().ConfigureAwait(false);
        await FinishAsync().ConfigureAwait(false);
    }

    private async Task EndCallerAsync(int statusCode, string reasonPhrase)
    {
        if (_caller.Ended)
            return;
        _caller.Ended = true;
        if (_caller.Answered)
            _signalling.SendBye(_caller);
        else if (!_caller.Invite.HasFinalResponse)
            await _caller.Invite.SendResponseAsync(_caller.Invite.CreateResponse(statusCode, reasonPhrase), CancellationToken.None).ConfigureAwait(false);
    }

    private Task EndCalleeAsync()
    {
        if (_callee is not { Ended: false } callee)
            return Task.CompletedTask;
        callee.Ended = true;
        callee.RingTimer?.Dispose();
        // The peer hears it first: telling the workspace calls out to observers, which must not keep the BYE from going.
        _signalling.HangUp(callee);
        callee.Done.TrySetResult(CallUserResult.NoAnswer);
        if (callee.Answered)
            CalleeLeft(callee, UserLeftReason.CallerHungUp);
        else
            RingStopped(callee, RingingStopReason.CallerHungUp);
        return Task.CompletedTask;
    }

    private void StopPlayback()
    {
        if (_playback is null)
            return;
        _playback.Cancel();
        _playback.Dispose();
        _playback = null;
    }

    private async Task FinishAsync()
    {
        if (_finished)
            return;
        _finished = true;
        _mailbox.Writer.TryComplete();
        _mediaCheck?.Dispose();
        StopLoopToCaller();
        StopPlayback();
        // These two call out (to observers, to the scenario): a fault there must not keep the media and the ACD from being released.
        await EndStepAsync(_offers.EndAllAsync).ConfigureAwait(false);
        await EndStepAsync(_callerGone.CancelAsync).ConfigureAwait(false);
        _bridge?.Dispose();
        await _caller.DisposeAsync().ConfigureAwait(false);
        if (_callee is { } callee)
        {
            callee.RingTimer?.Dispose();
            callee.Done.TrySetResult(CallUserResult.NoAnswer);
            await callee.DisposeAsync().ConfigureAwait(false);
        }

        _owner.Remove(this, [_caller.SipCallId, .. _signalling.PlacedSipCallIds]);
        // The ACD learns the end of a call it offered: the agent's wrap-up starts, or the waiting call is abandoned.
        if (_knownToAcd)
            _owner.Acd.Post(new AcdCallEnded(Id));
        var endedAt = _owner.Time.GetUtcNow();
        _owner.Publish(new CallEnded(new CallSummary(
            Id, _caller.SipCallId, Incoming.CallerNumber, Incoming.DialledNumber, _startedAt, _answeredAt, endedAt,
            _result ?? CallResult.CallerHungUp, _detail, _digits.ToString(), _caller.Statistics, _callee?.Statistics, _queueId,
            _handlers.Agents(endedAt), _handlers.Transfers)));
    }

    private LiveCallView ViewUnderLock() =>
        new(Id, Incoming.DialledNumber, Incoming.CallerNumber, Incoming.CallerName, _startedAt, _queueId, Variables, [.. _viewUsers]);

    /// <summary>A reason phrase is one line of text.</summary>
    internal static string Phrase(string text) => text.ReplaceLineEndings(" ");
}
