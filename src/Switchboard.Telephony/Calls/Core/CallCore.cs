using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Playback;

namespace Switchboard.Telephony.Calls.Core;

/// <summary>
/// The rules of one call, as a pure state machine: the caller's leg and every leg the call places each have a state
/// (<see cref="CallerLegState"/>, <see cref="CalleeLegState"/>), and each input, with the current time, returns what
/// follows as effects for the shell (<see cref="Call"/>) to carry out: SIP to send, sounds to play, the ACD and the
/// workspaces to tell, requests to answer. It never reads a clock, never waits, and knows no socket and no SIP
/// message; the shell tells it what the legs did in call terms. Not thread-safe: the call's flow is its one owner.
/// </summary>
/// <remarks>
/// What it keeps true, proven by <c>CallCoreSimulationTests</c>: a call ends once, after every leg it placed was
/// hung up (or had ended by itself) and released; the caller gets a final answer or a BYE unless they hung up
/// themselves; the ACD hears the end of every stay and every offer it made; nothing is left ringing a user; no sound
/// plays to a caller after the call ended.
/// </remarks>
internal sealed class CallCore
{
    /// <summary>How long a forward target may ring; carriers usually give up sooner themselves.</summary>
    public static readonly TimeSpan ForwardRingTime = TimeSpan.FromSeconds(60);

    /// <summary>How long the target of a transfer to a user rings before the call gives up.</summary>
    public static readonly TimeSpan TransferRingTime = TimeSpan.FromSeconds(30);

    private readonly IncomingCall _incoming;
    private readonly EncodedSound _ringback;
    private readonly EncodedSound _holdMusic;
    private readonly List<CallEffect> _effects = [];
    private readonly Dictionary<LegId, PlacedLeg> _legs = [];
    private readonly Dictionary<Guid, UserCallPart> _parts = [];
    private readonly CallHandlers _handlers = new();
    private int _lastLegId;
    private DateTimeOffset _now;
    private CallerAudio _audio;
    private RequestId? _playback;
    // The leg the scenario or a transfer rings, or the one in conversation: at most one at a time besides the offers.
    private PlacedLeg? _callee;
    private QueueStay? _stay;
    // The ACD knows the call (it arrived in a queue) and must hear its end: the agent's wrap-up, or an abandoned wait.
    private bool _knownToAcd;
    private Guid? _queueId;
    private DateTimeOffset? _waitingSince;
    private DateTimeOffset? _answeredAt;
    private CallResult? _result;
    private string _detail = "";

    /// <param name="ringback">What an answered caller hears while a user or a forward target rings.</param>
    /// <param name="holdMusic">What a caller hears while a transfer's target rings.</param>
    public CallCore(IncomingCall incoming, EncodedSound ringback, EncodedSound holdMusic)
    {
        _incoming = incoming;
        _ringback = ringback;
        _holdMusic = holdMusic;
    }

    public Guid CallId => _incoming.CallId;

    public CallerLegState Caller { get; private set; } = CallerLegState.Offered;

    /// <summary>The call is over: every input from now on is ignored.</summary>
    public bool Finished { get; private set; }

    /// <summary>The leg in conversation with the caller (bridged or held), if any.</summary>
    public LegId? Conversation => _callee is { InConversation: true } leg ? leg.Id : null;

    /// <summary>The caller is on hold from a user's workspace (hearing music, maybe silent themselves).</summary>
    public bool OnHold => _callee is { State: CalleeLegState.Held };

    /// <summary>Where the leg is now; a leg the call never placed reads as ended.</summary>
    public CalleeLegState StateOf(LegId leg) => _legs.TryGetValue(leg, out var placed) ? placed.State : CalleeLegState.Ended;

    /// <summary>The webphone leg ringing <paramref name="userId"/> (an ACD offer first), if any: the one their Accept answers.</summary>
    public LegId? RingingWebphone(Guid userId)
    {
        foreach (var leg in _legs.Values)
        {
            if (leg is { Webphone: true, IsRinging: true } && leg.UserId == userId && leg.Purpose == LegPurpose.Offer)
                return leg.Id;
        }

        return _callee is { Webphone: true, IsRinging: true } callee && callee.UserId == userId ? callee.Id : null;
    }

    /// <summary>The leg connecting <paramref name="userId"/> with the caller, if they are in conversation on this call.</summary>
    public LegId? ConversationOf(Guid userId) => ConnectedLeg(userId)?.Id;

    /// <summary>
    /// Applies one input at <paramref name="now"/> and returns the effects, in the order they are to be carried out.
    /// They are the core's own buffer, reused by the next input: carry them out (or copy them) before handling another.
    /// </summary>
    public IReadOnlyList<CallEffect> Handle(CallInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        _effects.Clear();
        _now = now;
        if (Finished)
            return _effects;

        switch (input)
        {
            case AnswerAsked answer:
                AnswerCaller();
                Emit(new RequestDone(answer.Request));
                break;
            case PlayAsked play:
                Play(play);
                break;
            case PlaybackEnded ended:
                PlaybackEnded(ended.Request);
                break;
            case CallUserAsked callUser:
                CallUser(callUser);
                break;
            case ForwardAsked forward:
                Forward(forward);
                break;
            case HangupAsked hangup:
                Emit(new RequestDone(hangup.Request));
                End(CallResult.HungUpByScenario, $"scenario: {hangup.Reason}");
                break;
            case QueueAsked queue:
                EnterQueue(queue.QueueId, queue.Priority, queue.MaxWaitSeconds, queue.Music, queue.Request);
                break;
            case ScenarioEnded scenario:
                ScenarioEnded(scenario.Result);
                break;
            case CallerLeft:
                Caller = CallerLegState.Ended;
                End(_result ?? CallResult.CallerHungUp, "", callerGone: true);
                break;
            case CallerVanished vanished:
                End(_result ?? CallResult.Failed, vanished.Detail, callerGone: true);
                break;
            case LegRinging ringing:
                LegRinging(ringing.Leg);
                break;
            case LegAnswered answered:
                LegAnswered(answered.Leg);
                break;
            case LegFailed failed:
                LegFailed(failed);
                break;
            case LegHungUp hungUp:
                LegGone(hungUp.Leg, UserLeftReason.HungUp, "");
                break;
            case LegVanished vanished:
                LegGone(vanished.Leg, UserLeftReason.Failed, vanished.Detail);
                break;
            case LegRingTimedOut timedOut:
                RingTimedOut(timedOut.Leg);
                break;
            case QueueTookCall:
                TakeIntoQueue();
                break;
            case QueueLeft left:
                LeaveQueue(left.Outcome);
                break;
            case OfferAsked offer:
                Offer(offer.Offer, offer.Target);
                break;
            case OfferWithdrawn withdrawn:
                if (OfferLeg(withdrawn.OfferId) is { } withdrawnLeg)
                    EndLeg(withdrawnLeg, StopReasonOf(withdrawn.Reason), UserLeftReason.Failed, hangUp: true);
                break;
            case ConnectAsked connect:
                Connect(connect.Connect);
                break;
            case RefuseAsked refuse:
                Emit(new WorkspaceDone(refuse.Request, RefuseRinging(refuse.UserId)));
                break;
            case UserHangupAsked hangup:
                UserHangup(hangup);
                break;
            case HoldAsked hold:
                Hold(hold);
                break;
            case DigitsAsked digits:
                var connected = ConnectedLeg(digits.UserId) is not null;
                if (connected)
                    Emit(new SendDigits(digits.Digits));
                Emit(new WorkspaceDone(digits.Request, connected));
                break;
            case TransferAsked transfer:
                Transfer(transfer);
                break;
            case EndAsked end:
                End(end.Result, end.Detail);
                break;
            case StepFaulted faulted:
                _result ??= CallResult.Failed;
                _detail = faulted.Detail;
                EndCaller(500, "Server Error");
                End(CallResult.Failed, "");
                break;
            default:
                throw new ArgumentException($"No rule for {input.GetType().Name}.", nameof(input));
        }

        // The call finishes after everything else the input brought (a request answered as the call ends).
        if (Finished)
            Emit(new FinishCall(_result!.Value, _detail, _answeredAt, _queueId, _handlers.Agents(_now), _handlers.Transfers));

        return _effects;
    }

    private void Emit(CallEffect effect) => _effects.Add(effect);

    private void AnswerCaller()
    {
        if (Caller is not (CallerLegState.Offered or CallerLegState.RingingRelayed))
            return;
        Emit(new AnswerCaller());
        Caller = CallerLegState.Answered;
        _answeredAt = _now;
    }

    private void Play(PlayAsked play)
    {
        StopAudio();
        Emit(new StartPlayback(play.Request, play.Sound, play.Repeat));
        _audio = CallerAudio.Playback;
        _playback = play.Request;
    }

    private void PlaybackEnded(RequestId request)
    {
        if (_playback == request)
        {
            _audio = CallerAudio.None;
            _playback = null;
        }

        Emit(new RequestDone(request));
    }

    /// <summary>Loops <paramref name="sound"/> (music on hold, ringback) to the caller instead of whatever played.</summary>
    private void StartLoop(EncodedSound sound)
    {
        StopAudio();
        Emit(new StartLoop(sound));
        _audio = CallerAudio.Loop;
    }

    private void StopLoop()
    {
        if (_audio != CallerAudio.Loop)
            return;
        Emit(new StopLoop());
        _audio = CallerAudio.None;
    }

    private void StopAudio()
    {
        if (_audio == CallerAudio.Playback)
        {
            Emit(new StopPlayback());
            _playback = null;
        }

        StopLoop();
        _audio = CallerAudio.None;
    }

    private void CallUser(CallUserAsked callUser)
    {
        if (_callee is { State: not CalleeLegState.Ended })
        {
            Emit(new CallUserDone(callUser.Request, CallUserResult.Unavailable));
            return;
        }

        var leg = Place(LegPurpose.CallUser, callUser.UserId, offerId: null, callUser.Target, callUser.Request);
        Ring(leg, callUser.RingTime);
        RingbackWhileRinging();
    }

    /// <summary>A forward that cannot be placed, is refused or is not answered falls through to the scenario's next action.</summary>
    private void Forward(ForwardAsked forward)
    {
        if (forward.Destination is not { } destination || _callee is { State: not CalleeLegState.Ended })
        {
            Emit(new ForwardNotPlaced(forward.RequestUri, forward.Reason));
            Emit(new ForwardDone(forward.Request, false));
            return;
        }

        var leg = Place(LegPurpose.Forward, userId: null, offerId: null, webphone: false, forward.Request);
        Emit(new PlaceLeg(leg.Id, forward.RequestUri, destination, UserId: null, OfferId: null));
        Ring(leg, ForwardRingTime);
        RingbackWhileRinging();
    }

    /// <summary>
    /// A caller already answered hears ringback while the user or number the scenario puts them through to rings; one not
    /// answered yet hears the ringing the callee's 180 is relayed as.
    /// </summary>
    private void RingbackWhileRinging()
    {
        if (Caller == CallerLegState.Answered)
            StartLoop(_ringback);
    }

    private PlacedLeg Place(LegPurpose purpose, Guid? userId, OfferId? offerId, RingTarget target, RequestId? request)
    {
        var leg = Place(purpose, userId, offerId, webphone: target.Device is null, request);
        Emit(target.Device is { } device
            ? new PlaceLeg(leg.Id, device.ContactUri, device.Source, userId, offerId)
            : new PlaceLeg(leg.Id, RequestUri: null, Destination: null, userId, offerId));
        return leg;
    }

    private PlacedLeg Place(LegPurpose purpose, Guid? userId, OfferId? offerId, bool webphone, RequestId? request)
    {
        var leg = new PlacedLeg(new LegId(++_lastLegId), purpose, userId, offerId, webphone, request);
        _legs[leg.Id] = leg;
        return leg;
    }

    /// <summary>The scenario's or a transfer's leg rings, with a ring time of its own: it is the call's callee from now on.</summary>
    private void Ring(PlacedLeg leg, TimeSpan ringTime)
    {
        _callee = leg;
        Emit(new StartRingTimer(leg.Id, ringTime));
        RingStarted(leg, ringTime);
    }

    /// <summary>A leg starts ringing a user: their workspace is told, and they may look at the call from now on.</summary>
    private void RingStarted(PlacedLeg leg, TimeSpan ringTimeout)
    {
        if (leg.UserId is not { } userId)
            return;
        SetPart(userId, new UserCallPart(UserCallState.Ringing, leg.Webphone, leg.OfferId?.Value, _now, ringTimeout, _waitingSince, null));
        Emit(new Publish(new UserRinging(CallId, userId, _incoming.CallerNumber, _incoming.CallerName, _queueId, leg.OfferId?.Value, ringTimeout,
            _waitingSince, leg.Webphone)));
    }

    private void LegRinging(LegId id)
    {
        if (!_legs.TryGetValue(id, out var leg) || leg.State != CalleeLegState.Calling)
            return;
        leg.State = CalleeLegState.Ringing;
        // The scenario's callee rings: a caller not answered yet hears it as their own ringing.
        if (ReferenceEquals(leg, _callee) && Caller == CallerLegState.Offered)
        {
            Emit(new RelayRinging());
            Caller = CallerLegState.RingingRelayed;
        }
    }

    private void LegAnswered(LegId id)
    {
        if (!_legs.TryGetValue(id, out var leg))
            return;
        if (!leg.IsRinging)
        {
            // Withdrawn, refused or given up before its answer came: the answer is hung up, never bridged.
            if (leg.State == CalleeLegState.Ended)
                Emit(new HangUpLeg(id));
            return;
        }

        if (leg.Purpose == LegPurpose.Offer)
        {
            // Held, unbridged, until the ACD confirms with ConnectCall: with ring-all only the first answer wins.
            leg.State = CalleeLegState.Answered;
            RingStopped(leg, RingingStopReason.Answered);
            Emit(new TellAcd(new AgentAcceptedOffer(leg.OfferId!.Value)));
            return;
        }

        ConnectCallee(leg);
        _result = leg.UserId is null ? CallResult.Forwarded : CallResult.AnsweredByUser;
        if (leg.UserId is { } userId)
        {
            RingStopped(leg, RingingStopReason.Answered);
            UserConnected(userId, leg);
            // A call the ACD did not give them keeps an agent from its offers while it lasts.
            Emit(new TellAcd(new SetAgentBusyElsewhere(userId, Busy: true)));
        }

        Complete(leg, CallUserResult.Answered);
    }

    /// <summary>The caller talks with <paramref name="leg"/> from now on: answered if they were not, and bridged.</summary>
    private void ConnectCallee(PlacedLeg leg)
    {
        _callee = leg;
        StopAudio();
        AnswerCaller();
        leg.State = CalleeLegState.Connected;
        Emit(new BridgeTo(leg.Id));
    }

    private void LegFailed(LegFailed failed)
    {
        if (!_legs.TryGetValue(failed.Leg, out var leg) || !leg.IsRinging)
            return;
        var stop = failed.Refused ? RingingStopReason.Refused : RingingStopReason.Failed;
        EndLeg(leg, stop, UserLeftReason.Failed, hangUp: false);
        if (leg.Purpose == LegPurpose.Offer)
            Emit(new TellAcd(failed.Refused ? new AgentRefusedOffer(leg.OfferId!.Value) : new OfferFailed(leg.OfferId!.Value)));
        else
            CalleeFailed(leg, failed.Refused ? CallUserResult.Refused : CallUserResult.NoAnswer, failed.Detail);
    }

    /// <summary>The scenario's or a transfer's leg was not answered: the scenario goes on, a transfer's call ends.</summary>
    private void CalleeFailed(PlacedLeg leg, CallUserResult result, string detail)
    {
        if (leg.EndsCallOnFailure)
        {
            // How the call ended, though someone answered it before the transfer.
            _result = CallResult.ForwardFailed;
            End(CallResult.ForwardFailed, detail);
            return;
        }

        StopLoop();
        Complete(leg, result);
    }

    private void RingTimedOut(LegId id)
    {
        if (!_legs.TryGetValue(id, out var leg) || !ReferenceEquals(leg, _callee) || !leg.IsRinging)
            return;
        EndLeg(leg, RingingStopReason.NoAnswer, UserLeftReason.Failed, hangUp: true);
        CalleeFailed(leg, CallUserResult.NoAnswer, "the transfer's target did not answer");
    }

    /// <summary>Answers the scenario's request waiting on <paramref name="leg"/>'s ringing, once.</summary>
    private void Complete(PlacedLeg leg, CallUserResult result)
    {
        if (leg.Request is not { } request)
            return;
        leg.Request = null;
        Emit(leg.Purpose == LegPurpose.Forward ? new ForwardDone(request, result == CallUserResult.Answered) : new CallUserDone(request, result));
    }

    /// <summary>
    /// A leg's peer hung up or vanished: in conversation, the conversation is over and so is the call; answered for an
    /// offer not yet connected, the leg is over (the ACD's connect will end the call); ringing, it failed.
    /// </summary>
    private void LegGone(LegId id, UserLeftReason reason, string detail)
    {
        if (!_legs.TryGetValue(id, out var leg) || leg.State == CalleeLegState.Ended)
            return;
        if (leg.InConversation)
        {
            EndLeg(leg, RingingStopReason.Failed, reason, hangUp: reason != UserLeftReason.HungUp);
            End(_result ?? CallResult.Failed, detail);
        }
        else if (leg.State == CalleeLegState.Answered)
        {
            // The ACD heard the answer already and connects or withdraws it; its connect will find the leg gone.
            EndLeg(leg, RingingStopReason.Failed, reason, hangUp: reason != UserLeftReason.HungUp);
        }
        else
        {
            LegFailed(new LegFailed(id, Refused: false, detail));
        }
    }

    private void EnterQueue(Guid queueId, int priority, int? maxWaitSeconds, EncodedSound? music, RequestId? waiter)
    {
        _waitingSince ??= _now;
        _stay = new QueueStay(queueId, _now, music, waiter);
        _queueId = queueId;
        Emit(new QueueChosen(queueId));
        _knownToAcd = true;
        Emit(new TellAcd(new CallArrived(CallId, queueId, priority, maxWaitSeconds)));
    }

    /// <summary>
    /// The queue took the call (before any offer, the ACD's order): now the caller is answered for its music, which a
    /// queue that refuses the call never does, so that a full queue leaves no billed zero-second call behind.
    /// </summary>
    private void TakeIntoQueue()
    {
        if (_stay is not { Music: { } music })
            return;
        AnswerCaller();
        StartLoop(music);
    }

    /// <summary>
    /// The ACD let the call go unanswered (timed out, refused on arrival, the queue removed): the music stops and the
    /// scenario goes on; a call a transfer queued has no scenario left, and ends.
    /// </summary>
    private void LeaveQueue(CallOutcome outcome)
    {
        if (_stay is not { } stay)
            return;
        _stay = null;
        _knownToAcd = false;
        StopLoop();
        if (stay.Waiter is { } waiter)
            Emit(new QueueWaitDone(waiter, QueueStayEnd.Unanswered(outcome, _now - stay.EnteredAt)));
        else
            End(CallResult.Failed, "the call left the queue it was transferred to unanswered");
    }

    /// <summary>The ACD offers the call to an agent: their device or webphone rings, or the ACD hears at once that nothing can.</summary>
    private void Offer(OfferCall offer, RingTarget? target)
    {
        if (Caller == CallerLegState.Ended || target is null)
        {
            Emit(new TellAcd(new OfferFailed(offer.OfferId)));
            return;
        }

        // The ACD's ring timeout ends the ringing with a withdrawal, so the leg needs no timer of its own.
        var leg = Place(LegPurpose.Offer, offer.AgentId, offer.OfferId, target, request: null);
        RingStarted(leg, offer.RingTimeout);
    }

    /// <summary>The ACD gave the call to the agent whose answer it accepted: music stops and caller and agent are bridged.</summary>
    private void Connect(ConnectCall connect)
    {
        var leg = OfferLeg(connect.OfferId);
        if (leg is not { State: CalleeLegState.Answered } || Caller == CallerLegState.Ended)
        {
            if (leg is not null)
                EndLeg(leg, RingingStopReason.Failed, UserLeftReason.Failed, hangUp: true);
            End(CallResult.Failed, "the agent's leg was gone when the ACD connected it");
            return;
        }

        // Ring-all: the other offers stop now rather than when the ACD's withdrawals come, which a transfer may overtake.
        foreach (var other in _legs.Values)
        {
            if (other.Purpose == LegPurpose.Offer && !ReferenceEquals(other, leg))
                EndLeg(other, RingingStopReason.AnsweredElsewhere, UserLeftReason.Failed, hangUp: true);
        }

        ConnectCallee(leg);
        _result = CallResult.AnsweredFromQueue;
        UserConnected(connect.AgentId, leg);
        if (_stay is { } stay)
        {
            _stay = null;
            if (stay.Waiter is { } waiter)
                Emit(new QueueWaitDone(waiter, new AnsweredInQueue(connect.AgentId, _now - stay.EnteredAt)));
        }
    }

    private void ScenarioEnded(ScenarioRunResult? result)
    {
        switch (result?.Outcome)
        {
            case AnsweredByUser or Forwarded or AnsweredFromQueue:
                // The call now lives on as a conversation (or a transfer's ringing or queue) until one side hangs up.
                if (_callee is not { State: not CalleeLegState.Ended } && _stay is null)
                    End(_result ?? CallResult.Failed, "the call was handed on but no leg is connected");
                break;
            case null:
                End(CallResult.Failed, "the scenario failed");
                break;
            default:
                End(_result ?? CallResult.HungUpByScenario, "");
                break;
        }
    }

    /// <summary>Stops what rings <paramref name="userId"/> because they refused: an ACD offer goes on to the next agent.</summary>
    private bool RefuseRinging(Guid userId)
    {
        foreach (var offer in _legs.Values)
        {
            if (offer is { Purpose: LegPurpose.Offer, IsRinging: true } && offer.UserId == userId)
            {
                EndLeg(offer, RingingStopReason.Refused, UserLeftReason.Failed, hangUp: true);
                Emit(new TellAcd(new AgentRefusedOffer(offer.OfferId!.Value)));
                return true;
            }
        }

        if (_callee is not { IsRinging: true } leg || leg.UserId != userId)
            return false;
        EndLeg(leg, RingingStopReason.Refused, UserLeftReason.Failed, hangUp: true);
        CalleeFailed(leg, CallUserResult.Refused, "refused from the workspace");
        return true;
    }

    /// <summary>Hang up from the workspace: the conversation ends for everyone; while it only rings, it is a refusal.</summary>
    private void UserHangup(UserHangupAsked hangup)
    {
        if (ConnectedLeg(hangup.UserId) is not { } leg)
        {
            Emit(new WorkspaceDone(hangup.Request, RefuseRinging(hangup.UserId)));
            return;
        }

        EndLeg(leg, RingingStopReason.Failed, UserLeftReason.HungUp, hangUp: true);
        Emit(new WorkspaceDone(hangup.Request, true));
        End(_result ?? CallResult.Failed, "");
    }

    /// <summary>Hold: the bridge is taken down and the caller hears music; resume bridges them again.</summary>
    private void Hold(HoldAsked hold)
    {
        if (ConnectedLeg(hold.UserId) is not { } leg)
        {
            Emit(new WorkspaceDone(hold.Request, false));
            return;
        }

        var held = leg.State == CalleeLegState.Held;
        if (held != hold.Held)
        {
            if (hold.Held)
            {
                leg.State = CalleeLegState.Held;
                Emit(new Unbridge());
                StartLoop(hold.Music);
            }
            else
            {
                leg.State = CalleeLegState.Connected;
                StopLoop();
                Emit(new BridgeTo(leg.Id));
            }

            if (_parts.TryGetValue(hold.UserId, out var part))
                SetPart(hold.UserId, part with { State = hold.Held ? UserCallState.Held : UserCallState.Connected });
            Emit(new Publish(new UserCallHeld(CallId, hold.UserId, hold.Held)));
        }

        Emit(new WorkspaceDone(hold.Request, true));
    }

    /// <summary>
    /// A blind transfer: the user leaves at once (for the ACD their call ended, so wrap-up starts) and the caller,
    /// hearing music, goes on to the target; if the target does not take it, the call ends.
    /// </summary>
    private void Transfer(TransferAsked transfer)
    {
        if (ConnectedLeg(transfer.UserId) is not { } leg)
        {
            Emit(new WorkspaceDone(transfer.Request, false));
            return;
        }

        _handlers.Transferred(transfer.Target switch
        {
            UserTransfer user => new CallTransfer(_now, transfer.UserId, user.UserId, null, null),
            QueueTransfer queue => new CallTransfer(_now, transfer.UserId, null, queue.QueueId, null),
            ForwardTransfer forward => new CallTransfer(_now, transfer.UserId, null, null, forward.Target.RequestUri),
            _ => throw new ArgumentException($"Unknown transfer target {transfer.Target}.", nameof(transfer)),
        });
        EndLeg(leg, RingingStopReason.Failed, UserLeftReason.Transferred, hangUp: true);
        _callee = null;
        if (_knownToAcd)
        {
            _knownToAcd = false;
            Emit(new TellAcd(new CallEnded(CallId)));
        }

        Emit(new WorkspaceDone(transfer.Request, true));
        switch (transfer.Target)
        {
            case UserTransfer user:
                StartLoop(_holdMusic);
                Ring(Place(LegPurpose.TransferToUser, user.UserId, offerId: null, user.Target, request: null), TransferRingTime);
                break;
            case QueueTransfer queue:
                EnterQueue(queue.QueueId, priority: 0, maxWaitSeconds: null, queue.Music, waiter: null);
                break;
            case ForwardTransfer forward:
                StartLoop(_holdMusic);
                var placed = Place(LegPurpose.TransferForward, userId: null, offerId: null, webphone: false, request: null);
                Emit(new PlaceLeg(placed.Id, forward.Target.RequestUri, forward.Destination, UserId: null, OfferId: null));
                Ring(placed, ForwardRingTime);
                break;
        }
    }

    /// <summary>
    /// Ends every leg and the call: a final response or BYE to the caller, CANCEL or BYE to every leg still up, the
    /// ACD told of a call it knows, and the record written.
    /// </summary>
    /// <param name="callerGone">The caller hung up or vanished: what still rings or talks hears that; else that the call failed.</param>
    private void End(CallResult result, string detail, bool callerGone = false)
    {
        if (Finished)
            return;
        _result ??= result;
        if (detail.Length > 0 && _detail.Length == 0)
            _detail = detail;
        EndCaller(480, _result == CallResult.ForwardFailed ? "Forward Failed" : "Call Ended By Switchboard");
        StopAudio();
        var (ringingStopped, left) = callerGone
            ? (RingingStopReason.CallerHungUp, UserLeftReason.CallerHungUp)
            : (RingingStopReason.Failed, UserLeftReason.Failed);
        if (_callee is { } callee)
        {
            EndLeg(callee, ringingStopped, left, hangUp: true);
            Complete(callee, CallUserResult.NoAnswer);
        }

        foreach (var leg in _legs.Values)
            EndLeg(leg, ringingStopped, left, hangUp: true);
        Finished = true;
        // The ACD learns the end of a call it knows: the agent's wrap-up starts, or the waiting call is abandoned.
        if (_knownToAcd)
            Emit(new TellAcd(new CallEnded(CallId)));
    }

    private void EndCaller(int statusCode, string reasonPhrase)
    {
        switch (Caller)
        {
            case CallerLegState.Answered:
                Emit(new ByeCaller());
                break;
            case CallerLegState.Offered or CallerLegState.RingingRelayed:
                Emit(new RefuseCaller(statusCode, reasonPhrase));
                break;
        }

        Caller = CallerLegState.Ended;
    }

    /// <summary>
    /// Ends a leg once: a ringing user hears why it stopped, a user in conversation (or answered for an offer) that they
    /// left; the peer gets CANCEL or BYE unless it ended the leg itself; its media is let go.
    /// </summary>
    private void EndLeg(PlacedLeg leg, RingingStopReason ringingStopped, UserLeftReason left, bool hangUp)
    {
        if (leg.State == CalleeLegState.Ended)
            return;
        var was = leg.State;
        leg.State = CalleeLegState.Ended;
        if (was == CalleeLegState.Connected)
            Emit(new Unbridge());
        if (was is CalleeLegState.Calling or CalleeLegState.Ringing)
            RingStopped(leg, ringingStopped);
        else
            UserLeft(leg, was, left);
        if (hangUp)
            Emit(new HangUpLeg(leg.Id));
        Emit(new ReleaseLeg(leg.Id));
    }

    /// <summary>A leg stops ringing its user, for <paramref name="reason"/>.</summary>
    private void RingStopped(PlacedLeg leg, RingingStopReason reason)
    {
        if (leg.UserId is not { } userId)
            return;
        if (_parts.TryGetValue(userId, out var part) && part.State == UserCallState.Ringing)
            SetPart(userId, null);
        Emit(new Publish(new UserRingingStopped(CallId, userId, reason)));
    }

    /// <summary>The user's part of the call is over (in conversation, or answered for an offer never connected).</summary>
    private void UserLeft(PlacedLeg leg, CalleeLegState was, UserLeftReason reason)
    {
        if (leg.UserId is not { } userId)
            return;
        _handlers.Left(userId, _now, reason);
        SetPart(userId, null);
        Emit(new Publish(new UserLeftCall(CallId, userId, reason, _now)));
        // Only the legs the scenario or a transfer placed made the agent busy elsewhere; the ACD's own end with the call.
        if (leg.Purpose != LegPurpose.Offer && was is CalleeLegState.Connected or CalleeLegState.Held)
            Emit(new TellAcd(new SetAgentBusyElsewhere(userId, Busy: false)));
    }

    /// <summary><paramref name="userId"/> talks with the caller on <paramref name="leg"/> from now on; their workspace is told.</summary>
    private void UserConnected(Guid userId, PlacedLeg leg)
    {
        // An offer's leg was placed for the queue the call waits in; other legs ring a user directly.
        var queueId = leg.Purpose == LegPurpose.Offer ? _queueId : null;
        _handlers.Connected(userId, queueId, _now);
        SetPart(userId, new UserCallPart(UserCallState.Connected, leg.Webphone, leg.OfferId?.Value, null, null, null, _now));
        Emit(new Publish(new UserConnected(CallId, userId, queueId, _now)));
    }

    private void SetPart(Guid userId, UserCallPart? part)
    {
        if (part is null)
            _parts.Remove(userId);
        else
            _parts[userId] = part;
        Emit(new UserPartChanged(userId, part));
    }

    private PlacedLeg? ConnectedLeg(Guid userId) => _callee is { InConversation: true } leg && leg.UserId == userId ? leg : null;

    private PlacedLeg? OfferLeg(OfferId offerId)
    {
        foreach (var leg in _legs.Values)
        {
            if (leg.OfferId == offerId)
                return leg;
        }

        return null;
    }

    private static RingingStopReason StopReasonOf(OfferCancelReason reason) => reason switch
    {
        OfferCancelReason.AnsweredElsewhere => RingingStopReason.AnsweredElsewhere,
        OfferCancelReason.CallerHungUp => RingingStopReason.CallerHungUp,
        OfferCancelReason.AgentUnreachable => RingingStopReason.Failed,
        _ => RingingStopReason.NoAnswer,
    };
}
