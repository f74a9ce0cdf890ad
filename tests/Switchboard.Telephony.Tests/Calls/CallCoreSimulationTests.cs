using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony.Tests.Calls;

/// <summary>
/// Random calls (fixed seeds, fake time), each driven through one <see cref="CallCore"/> as its shell would drive it: a
/// scripted scenario whose requests only the core's answers move on, legs that ring, answer, refuse, fail, hang up or
/// vanish (answers crossing our CANCEL, BYEs crossing ours), ring timers, an ACD that takes or refuses the call, offers
/// it to agents, withdraws and connects with its commands in flight, workspaces that refuse, hang up, hold, send digits
/// and transfer, and a caller who may hang up at any moment. <see cref="CallCoreInvariants"/> checks every input; every
/// call must finish on its own once its peers stop stirring.
/// </summary>
public class CallCoreSimulationTests
{
    private const int CallsPerSeed = 500;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Every_call_ends_and_keeps_its_promises_whatever_its_peers_do_and_whenever(int seed)
    {
        var seen = new Dictionary<string, int>();
        var violations = new Dictionary<string, string>();
        for (var index = 0; index < CallsPerSeed; index++)
        {
            var call = new SimulatedCall(seed, index, seen, violations);
            try
            {
                call.Run();
            }
            catch (CallCoreViolation violation)
            {
                violations.TryAdd(violation.Invariant, call.Report(violation.Message));
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                violations.TryAdd($"the core threw {exception.GetType().Name}", call.Report(exception.ToString()));
            }
        }

        var missing = PathsNotTaken(seen);
        Assert.True(violations.Count == 0 && missing.Count == 0,
            $"seed {seed} never took: {string.Join(", ", missing)}\n{violations.Count} promises broken:\n\n{string.Join("\n\n", violations.Values)}");
    }

    /// <summary>A seed that never took a path could not catch a fault on it.</summary>
    private static List<string> PathsNotTaken(Dictionary<string, int> seen)
    {
        string[] paths =
        [
            .. Enum.GetNames<CallResult>().Where(result => result is not (nameof(CallResult.NotFound) or nameof(CallResult.Refused))).Select(result => $"finished {result}"),
            "input LegRinging", "input LegAnswered", "input LegFailed", "input LegHungUp", "input LegVanished", "input LegRingTimedOut",
            "input QueueTookCall", "input QueueLeft", "input OfferAsked", "input OfferWithdrawn", "input ConnectAsked",
            "input RefuseAsked", "input UserHangupAsked", "input HoldAsked", "input DigitsAsked", "input TransferAsked",
            "input CallerLeft", "input CallerVanished", "input EndAsked", "input StepFaulted", "input ScenarioEnded", "input PlaybackEnded",
            "effect RelayRinging", "effect RefuseCaller", "effect ByeCaller", "effect StopPlayback", "effect StartLoop", "effect Unbridge",
            "effect SendDigits", "effect ForwardNotPlaced", "effect QueueWaitDone", "effect CallUserDone", "effect ForwardDone",
            "a late answer hung up", "a BYE that crossed ours", "an answered offer withdrawn", "an offer connected", "a transfer to a user", "a transfer to a queue",
            "a transfer to a number", "a hold", "a leg that could not be placed",
        ];
        return [.. paths.Where(path => !seen.ContainsKey(path))];
    }

    private enum ScriptStep { Play, CallUser, Forward, ForwardUnreachable, Queue, Hangup, Fail }

    private enum Peer { Inviting, Ringing, InDialog, Done }

    /// <summary>A leg as its far end sees it.</summary>
    private sealed class SimulatedLeg(LegId id, bool webphone, Guid? userId)
    {
        public LegId Id { get; } = id;

        public bool Webphone { get; } = webphone;

        public Guid? UserId { get; } = userId;

        public Peer Peer { get; set; } = webphone ? Peer.Ringing : Peer.Inviting;

        /// <summary>We sent CANCEL (or BYE): a final answer may still cross it.</summary>
        public bool HungUpByUs { get; set; }

        public bool Released { get; set; }

        public DateTimeOffset? RingTimerDue { get; set; }
    }

    private sealed class SimulatedCall
    {
        private static readonly Guid[] Users = [.. Enumerable.Range(1, 4).Select(index => new Guid(index, 0, 0, new byte[8]))];
        private static readonly Guid[] Queues = [.. Enumerable.Range(1, 2).Select(index => new Guid(0, (short)index, 0, new byte[8]))];

        private readonly int _seed;
        private readonly int _index;
        private readonly Random _random;
        private readonly Dictionary<string, int> _seen;
        private readonly CallCoreHarness _call = new();
        private readonly CallCoreInvariants _invariants;
        private readonly FakeAcd _acd;
        private readonly List<string> _trace = [];
        private readonly Queue<CallInput> _followUps = new();
        private readonly Queue<ScriptStep> _script = new();
        private readonly Dictionary<LegId, SimulatedLeg> _legs = [];
        private readonly Action<string, string> _broken;
        private LegId? _scenarioRings;
        private RequestId? _scenarioWaitsFor;
        private ScriptStep? _scenarioDoing;
        private bool _answeredOnce;
        private bool _scenarioOver;
        private (ScenarioRunOutcome? Outcome, bool Pending) _scenarioEnd;
        private (RequestId Request, DateTimeOffset Due)? _playback;
        private bool _callerAnswered;
        private bool _callerGone;
        private int _step;
        private bool _windDown;

        public SimulatedCall(int seed, int index, Dictionary<string, int> seen, Dictionary<string, string> violations)
        {
            _seed = seed;
            _index = index;
            // Each call its own sequence, so that "seed S, call N" replays alone.
            _random = new Random(seed * 100_000 + index);
            _seen = seen;
            _broken = (invariant, detail) => violations.TryAdd(invariant, Report($"{invariant} ({detail})"));
            _invariants = new CallCoreInvariants(_call.Core, _broken);
            _acd = new FakeAcd(_random, _call);
            var length = _random.Next(1, 7);
            for (var step = 0; step < length; step++)
                _script.Enqueue(Pick(ScriptStep.Play, ScriptStep.CallUser, ScriptStep.CallUser, ScriptStep.Forward, ScriptStep.ForwardUnreachable, ScriptStep.Queue, ScriptStep.Queue, ScriptStep.Queue));
            if (_random.Next(4) == 0)
                _script.Enqueue(Pick(ScriptStep.Hangup, ScriptStep.Fail));
        }

        public string Report(string what) =>
            $"seed {_seed}, call {_index}, step {_step}: {what}\n  script: {string.Join(", ", _script)}\n  {string.Join("\n  ", _trace.TakeLast(40))}";

        public void Run()
        {
            var busySteps = _random.Next(3, 80);
            for (_step = 0; !_invariants.Finished; _step++)
            {
                _windDown = _step >= busySteps;
                if (_step > busySteps + 400)
                    throw new CallCoreViolation("a call never finished once its peers calmed down", $"{_step} steps");
                _call.Advance(TimeSpan.FromMilliseconds(_random.Next(0, 2500)));
                PickWeighted(Choices())();
            }

            AfterTheEnd();
        }

        /// <summary>What may happen now, each with its weight.</summary>
        private List<(int Weight, Action Do)> Choices()
        {
            var choices = new List<(int, Action)>();
            if (!_scenarioOver && _scenarioWaitsFor is null && !_scenarioEnd.Pending)
                choices.Add((4, ScenarioGoesOn));
            if (_scenarioEnd.Pending)
                choices.Add((3, ScenarioEnds));
            if (_playback is { } playback && playback.Due <= _call.Now)
            {
                choices.Add((6, () =>
                {
                    _playback = null;
                    Deliver(new PlaybackEnded(playback.Request));
                }));
            }

            foreach (var leg in _legs.Values)
                AddLegChoices(choices, leg);
            if (_acd.InFlight.Count > 0)
                choices.Add((6, () => Deliver(_acd.InFlight.Dequeue())));
            _acd.AddChoices(choices, _windDown);
            // Time passes with nothing said: ring timers, offers and waits run out.
            choices.Add((2, () => _call.Advance(TimeSpan.FromSeconds(_random.Next(1, 20)))));
            if (!_windDown)
            {
                var talking = _call.Core.Conversation is { } conversation ? _legs[conversation].UserId : null;
                choices.Add((talking is null ? 2 : 8, WorkspaceAsks));
                if (talking is { } user)
                {
                    choices.Add((2, () => Deliver(new TransferAsked(_call.NextRequest(), user, AnyTransfer(user)))));
                    choices.Add((2, () => Deliver(new HoldAsked(_call.NextRequest(), user, !_call.Core.OnHold, CallCoreHarness.HoldMusic))));
                    choices.Add((1, () => Deliver(new DigitsAsked(_call.NextRequest(), user, "42"))));
                }

                choices.Add((2, WebphoneAccepts));
                if (!_callerGone)
                {
                    choices.Add((1, () =>
                    {
                        _callerGone = true;
                        Deliver(new CallerLeft());
                    }));
                }

                if (!_callerGone && _callerAnswered && _random.Next(4) == 0)
                    choices.Add((1, () => Deliver(new CallerVanished("no audio from the caller for 30 s"))));
                if (_random.Next(40) == 0)
                    choices.Add((1, () => Deliver(new EndAsked(CallResult.Failed, "the server stops"))));
                if (_random.Next(25) == 0)
                    choices.Add((1, () => Deliver(new StepFaulted("IOException: the socket broke"))));
            }
            else
            {
                // Calm: a ringing webphone is taken or refused, a conversation on a webphone is hung up by its user.
                foreach (var leg in _legs.Values.Where(leg => leg is { Webphone: true, Released: false, UserId: not null }))
                {
                    var user = leg.UserId!.Value;
                    choices.Add((2, () => Deliver(leg.Peer == Peer.InDialog ? new UserHangupAsked(_call.NextRequest(), user) : new RefuseAsked(_call.NextRequest(), user))));
                }

                choices.Add((1, WebphoneAccepts));
            }

            return choices;
        }

        private void AddLegChoices(List<(int, Action)> choices, SimulatedLeg leg)
        {
            if (leg.RingTimerDue is { } due && due <= _call.Now && (!leg.Released || _random.Next(10) == 0))
            {
                choices.Add((6, () =>
                {
                    leg.RingTimerDue = null;
                    Deliver(new LegRingTimedOut(leg.Id));
                }));
            }

            if (leg.Webphone)
            {
                if (leg.Peer == Peer.InDialog && !leg.Released && _call.Core.StateOf(leg.Id) != CalleeLegState.Ended)
                    choices.Add((1, () => Vanish(leg, "the webphone stopped answering ICE consent checks")));
                return;
            }

            switch (leg.Peer)
            {
                case Peer.Inviting or Peer.Ringing when leg.HungUpByUs:
                    // Our CANCEL: mostly 487, now and then a 200 that crossed it.
                    choices.Add((4, () => Final(leg, _random.Next(2) == 0 ? new LegAnswered(leg.Id) : new LegFailed(leg.Id, Refused: false, "487 Request Terminated"))));
                    break;
                case Peer.Inviting or Peer.Ringing:
                    if (leg.Peer == Peer.Inviting)
                    {
                        choices.Add((3, () =>
                        {
                            leg.Peer = Peer.Ringing;
                            Deliver(new LegRinging(leg.Id));
                        }));
                    }

                    choices.Add((2, () => Final(leg, new LegAnswered(leg.Id))));
                    choices.Add((1, () => Final(leg, new LegFailed(leg.Id, Refused: true, "486 Busy Here"))));
                    choices.Add((1, () => Final(leg, new LegFailed(leg.Id, Refused: false, "503 Service Unavailable"))));
                    break;
                case Peer.InDialog when leg.HungUpByUs:
                    // Our BYE is answered, or theirs crossed it.
                    choices.Add((3, () => leg.Peer = Peer.Done));
                    choices.Add((1, () =>
                    {
                        leg.Peer = Peer.Done;
                        Seen("a BYE that crossed ours");
                        Deliver(new LegHungUp(leg.Id));
                    }));
                    break;
                case Peer.InDialog:
                    choices.Add((_windDown ? 4 : 1, () =>
                    {
                        leg.Peer = Peer.Done;
                        Deliver(new LegHungUp(leg.Id));
                    }));
                    if (_call.Core.StateOf(leg.Id) != CalleeLegState.Ended)
                        choices.Add((1, () => Vanish(leg, "no audio from the called leg for 30 s")));
                    break;
            }
        }

        private void Final(SimulatedLeg leg, CallInput response)
        {
            leg.Peer = response is LegAnswered ? Peer.InDialog : Peer.Done;
            Deliver(response);
        }

        private void Vanish(SimulatedLeg leg, string detail)
        {
            leg.Peer = Peer.Done;
            Deliver(new LegVanished(leg.Id, detail));
        }

        /// <summary>The scenario's next action, asked of the core; it waits for the answer before the one after.</summary>
        private void ScenarioGoesOn()
        {
            if (!_script.TryPeek(out var step))
            {
                Ask(ScriptStep.Hangup, id => new HangupAsked(id, HangupReason.EndOfScenario));
                return;
            }

            if (step == ScriptStep.Play && !_answeredOnce)
            {
                // The interpreter answers once before its first sound.
                _answeredOnce = true;
                Ask(ScriptStep.Play, id => new AnswerAsked(id));
                return;
            }

            _script.Dequeue();
            switch (step)
            {
                case ScriptStep.Play:
                    Ask(step, id => new PlayAsked(id, CallCoreHarness.Ringback, _random.Next(1, 4)));
                    break;
                case ScriptStep.CallUser:
                    Ask(step, id => new CallUserAsked(id, Pick(Users), AnyRingTarget(), TimeSpan.FromSeconds(_random.Next(5, 40))));
                    break;
                case ScriptStep.Forward:
                    Ask(step, id => new ForwardAsked(id, "sip:+3230000000@carrier", CallCoreHarness.Carrier, ""));
                    break;
                case ScriptStep.ForwardUnreachable:
                    Ask(step, id => new ForwardAsked(id, "+3230000000", null, "no trunk takes outbound calls"));
                    break;
                case ScriptStep.Queue:
                    Ask(step, id => new QueueAsked(id, Pick(Queues), _random.Next(3), _random.Next(3) == 0 ? _random.Next(0, 120) : null,
                        _random.Next(4) == 0 ? null : CallCoreHarness.HoldMusic));
                    break;
                case ScriptStep.Hangup:
                    Ask(step, id => new HangupAsked(id, HangupReason.ByScenario));
                    break;
                case ScriptStep.Fail:
                    _scenarioEnd = (null, true);
                    _scenarioOver = true;
                    break;
            }
        }

        private void ScenarioEnds()
        {
            _scenarioEnd.Pending = false;
            _scenarioOver = true;
            var outcome = _scenarioEnd.Outcome;
            Deliver(new ScenarioEnded(outcome is null ? null : new ScenarioRunResult(outcome, CallVariables.ForIncomingCall(_call.Incoming))));
        }

        private void Ask(ScriptStep step, Func<RequestId, CallInput> input)
        {
            var request = _call.NextRequest();
            _scenarioWaitsFor = request;
            _scenarioDoing = step;
            Deliver(input(request));
        }

        /// <summary>The scenario hears the answer to what it asked, and goes on or ends.</summary>
        private void ScenarioHears(RequestId request, CallEffect answer)
        {
            if (_scenarioWaitsFor != request)
                return;
            _scenarioWaitsFor = null;
            ScenarioRunOutcome? outcome = answer switch
            {
                CallUserDone { Result: CallUserResult.Answered } => new AnsweredByUser(Users[0]),
                ForwardDone { Answered: true } => new Forwarded("+3230000000"),
                QueueWaitDone { Result: AnsweredInQueue answered } => new AnsweredFromQueue(Queues[0], answered.AgentId),
                RequestDone when _scenarioDoing == ScriptStep.Hangup => new HungUp(HangupReason.ByScenario),
                _ => null,
            };
            if (outcome is not null)
            {
                _scenarioOver = true;
                _scenarioEnd = (outcome, true);
            }
        }

        /// <summary>A workspace asks something of the call, mostly for a user it involves.</summary>
        private void WorkspaceAsks()
        {
            var involved = _legs.Values.Where(leg => !leg.Released && leg.UserId is not null).Select(leg => leg.UserId!.Value).ToArray();
            var user = involved.Length > 0 && _random.Next(4) > 0 ? Pick(involved) : Pick(Users);
            var request = _call.NextRequest();
            Deliver(_random.Next(10) switch
            {
                0 or 1 => new RefuseAsked(request, user),
                2 => new UserHangupAsked(request, user),
                3 or 4 => new HoldAsked(request, user, _random.Next(3) > 0, CallCoreHarness.HoldMusic),
                5 => new DigitsAsked(request, user, "1#"),
                _ => new TransferAsked(request, user, AnyTransfer(user)),
            });
        }

        private ResolvedTransfer AnyTransfer(Guid from) => _random.Next(3) switch
        {
            0 => new UserTransfer(Pick(Users.Where(user => user != from).ToArray()), AnyRingTarget()),
            1 => new QueueTransfer(Pick(Queues), CallCoreHarness.HoldMusic),
            _ => new ForwardTransfer(new ForwardTarget("sip:+3240000000@carrier", CallCoreHarness.Carrier, ""), CallCoreHarness.Carrier),
        };

        /// <summary>A user presses Accept in their workspace: the shell answers what rings their webphone, if anything does.</summary>
        private void WebphoneAccepts()
        {
            var user = Pick(Users);
            if (_call.Core.RingingWebphone(user) is not { } id)
                return;
            _legs[id].Peer = Peer.InDialog;
            Deliver(new LegAnswered(id));
        }

        private RingTarget AnyRingTarget() => _random.Next(2) == 0 ? CallCoreHarness.Webphone : CallCoreHarness.Device(_random.Next(1, 9));

        /// <summary>Hands an input to the core as the shell does: then any input carrying out its effects gave rise to.</summary>
        private void Deliver(CallInput input)
        {
            _followUps.Enqueue(input);
            while (_followUps.TryDequeue(out var next))
            {
                var effects = _call.Handle(next);
                _trace.Add($"{_step,3} {_call.Now:mm:ss.fff} {next} -> {string.Join(", ", effects.Select(Describe))}");
                if (effects.Count > 0)
                    Seen($"input {next.GetType().Name}");
                _invariants.Check(next, effects, _acd.Hear);
                Observe(next, effects);
            }

            CheckTheScenarioCanGoOn();
        }

        /// <summary>A scenario waiting for an answer waits on something still under way: a ringing leg, a stay, a sound.</summary>
        private void CheckTheScenarioCanGoOn()
        {
            if (_invariants.Finished || _scenarioWaitsFor is null)
                return;
            var over = _scenarioDoing switch
            {
                ScriptStep.CallUser or ScriptStep.Forward => _scenarioRings is not { } leg || _legs[leg].Released,
                ScriptStep.Queue => !_invariants.StayOpen,
                ScriptStep.Play => _playback is null,
                _ => true,
            };
            if (over)
                _broken("the scenario waits for an answer about something that is over", $"{_scenarioDoing} asked as {_scenarioWaitsFor}");
        }

        /// <summary>What the shell and the peers make of the core's effects.</summary>
        private void Observe(CallInput input, IReadOnlyList<CallEffect> effects)
        {
            foreach (var effect in effects)
            {
                Seen($"effect {effect.GetType().Name}");
                switch (effect)
                {
                    case AnswerCaller:
                        _callerAnswered = true;
                        break;
                    case RefuseCaller or ByeCaller:
                        _callerGone = true;
                        break;
                    case StartPlayback play:
                        _playback = (play.Request, _call.Now + TimeSpan.FromSeconds(3 * play.Repeat));
                        break;
                    case StopPlayback:
                        // The player reports the end of a stopped sound too, a moment later.
                        if (_playback is { } playing)
                            _playback = (playing.Request, _call.Now);
                        break;
                    case PlaceLeg place:
                        if (input is CallUserAsked or ForwardAsked)
                            _scenarioRings = place.Leg;
                        var leg = new SimulatedLeg(place.Leg, place.Destination is null, place.UserId);
                        _legs.Add(place.Leg, leg);
                        if (_random.Next(12) == 0)
                        {
                            // No free port, an unreachable device: the shell reports the leg failed, after the effects at hand.
                            leg.Peer = Peer.Done;
                            _followUps.Enqueue(new LegFailed(place.Leg, Refused: false, "no free media port"));
                            Seen("a leg that could not be placed");
                        }

                        break;
                    case StartRingTimer ring:
                        _legs[ring.Leg].RingTimerDue = _call.Now + ring.RingTime;
                        break;
                    case HangUpLeg hangUp:
                        var hungUp = _legs[hangUp.Leg];
                        if (hungUp.Released)
                            Seen("a late answer hung up");
                        if (hungUp.Peer == Peer.InDialog && _call.Core.StateOf(hangUp.Leg) == CalleeLegState.Ended && input is OfferWithdrawn)
                            Seen("an answered offer withdrawn");
                        hungUp.HungUpByUs = true;
                        if (hungUp.Webphone)
                            hungUp.Peer = Peer.Done;
                        break;
                    case ReleaseLeg release:
                        _legs[release.Leg].Released = true;
                        break;
                    case Unbridge when input is HoldAsked:
                        Seen("a hold");
                        break;
                    case BridgeTo when input is ConnectAsked:
                        Seen("an offer connected");
                        break;
                    case WorkspaceDone { Applied: true } when input is TransferAsked transfer:
                        Seen(transfer.Target switch
                        {
                            UserTransfer => "a transfer to a user",
                            QueueTransfer => "a transfer to a queue",
                            _ => "a transfer to a number",
                        });
                        break;
                    case RequestDone or CallUserDone or ForwardDone or QueueWaitDone:
                        ScenarioHears(RequestOf(effect), effect);
                        break;
                    case FinishCall finished:
                        Seen($"finished {finished.Result}");
                        break;
                }
            }
        }

        /// <summary>What still arrives after the end (late commands, late answers, the scenario's own end) changes nothing; the ACD holds nothing.</summary>
        private void AfterTheEnd()
        {
            while (_acd.InFlight.TryDequeue(out var late))
                Deliver(late);
            Deliver(new ScenarioEnded(new ScenarioRunResult(new CallerHungUp(), CallVariables.ForIncomingCall(_call.Incoming))));
            foreach (var leg in _legs.Values.Where(leg => leg.Peer is Peer.Inviting or Peer.Ringing))
                Deliver(new LegAnswered(leg.Id));
            Deliver(new CallerLeft());
            _acd.AssertItHoldsNothing();
        }

        private static RequestId RequestOf(CallEffect answer) => answer switch
        {
            RequestDone done => done.Request,
            CallUserDone done => done.Request,
            ForwardDone done => done.Request,
            QueueWaitDone done => done.Request,
            _ => throw new ArgumentException($"{answer} answers no request", nameof(answer)),
        };

        private static string Describe(CallEffect effect) => effect switch
        {
            StartPlayback play => $"StartPlayback({play.Request.Value})",
            StartLoop loop => loop.Sound == CallCoreHarness.Ringback ? "StartLoop(ringback)" : "StartLoop(music)",
            Publish publish => publish.Event.GetType().Name,
            UserPartChanged changed => $"Part({changed.UserId.ToString()[7]}: {changed.Part?.State.ToString() ?? "none"})",
            FinishCall finished => $"FinishCall({finished.Result})",
            _ => effect.ToString()!.Replace(" { ", "(", StringComparison.Ordinal).Replace(" }", ")", StringComparison.Ordinal),
        };

        private void Seen(string path) => _seen[path] = _seen.GetValueOrDefault(path) + 1;

        private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

        private Action PickWeighted(List<(int Weight, Action Do)> choices)
        {
            var total = choices.Sum(choice => choice.Weight);
            if (total == 0)
                return choices[_random.Next(choices.Count)].Do;
            var roll = _random.Next(total);
            foreach (var (weight, action) in choices)
            {
                if (roll < weight)
                    return action;
                roll -= weight;
            }

            throw new InvalidOperationException("no choice picked");
        }
    }

    /// <summary>
    /// The ACD as one call sees it: it hears the call's inputs as they are told (in order) and its commands reach the
    /// call later, in order, so that they cross what the call says meanwhile. It connects only an offer it was told
    /// was accepted, and says nothing more of a stay once it heard its end.
    /// </summary>
    private sealed class FakeAcd(Random random, CallCoreHarness call)
    {
        private static readonly Guid[] Agents = [.. Enumerable.Range(1, 4).Select(index => new Guid(index, 0, 0, new byte[8]))];

        private readonly Dictionary<OfferId, (Guid AgentId, DateTimeOffset Due)> _open = [];
        private readonly Dictionary<OfferId, Guid> _agentOf = [];
        private long _lastOffer;
        private bool _waiting;
        private bool _connected;
        private DateTimeOffset? _maxWaitDue;

        /// <summary>Its commands on their way to the call, first sent first.</summary>
        public Queue<CallInput> InFlight { get; } = new();

        public void Hear(AcdInput input)
        {
            switch (input)
            {
                case CallArrived arrived when !_waiting && !_connected:
                    if (random.Next(6) == 0)
                    {
                        InFlight.Enqueue(new QueueLeft(Pick(CallOutcome.RefusedQueueFull, CallOutcome.RefusedNoReadyAgent, CallOutcome.RefusedUnknownQueue)));
                        return;
                    }

                    _waiting = true;
                    _maxWaitDue = call.Now + TimeSpan.FromSeconds(arrived.MaxWaitSeconds is { } seconds && seconds > 0 ? seconds : random.Next(20, 200));
                    InFlight.Enqueue(new QueueTookCall());
                    break;
                case CallEnded:
                    _waiting = false;
                    _connected = false;
                    _open.Clear();
                    break;
                case AgentAcceptedOffer accepted:
                    if (!_open.Remove(accepted.OfferId, out var won))
                        return;
                    InFlight.Enqueue(new ConnectAsked(new ConnectCall(call.CallId, won.AgentId, accepted.OfferId)));
                    Withdraw(OfferCancelReason.AnsweredElsewhere);
                    _waiting = false;
                    _connected = true;
                    break;
                case AgentRefusedOffer refused:
                    _open.Remove(refused.OfferId);
                    break;
                case OfferFailed failed:
                    _open.Remove(failed.OfferId);
                    break;
            }
        }

        /// <summary>What the ACD may decide now: offer an agent, withdraw an offer, let the call go; ring and wait timeouts when due.</summary>
        public void AddChoices(List<(int, Action)> choices, bool calm)
        {
            if (!_waiting)
                return;
            if (_maxWaitDue <= call.Now || calm)
                choices.Add((calm ? 3 : 4, () => LetGo(calm || random.Next(8) > 0 ? CallOutcome.TimedOut : CallOutcome.QueueRemoved)));
            foreach (var (offer, (agent, due)) in _open)
            {
                if (due <= call.Now)
                    choices.Add((4, () => WithdrawOne(offer, OfferCancelReason.NoAnswer)));
            }

            if (calm)
                return;
            var free = Agents.Where(agent => !_open.Values.Any(open => open.AgentId == agent) && !WithdrawalInFlight(agent)).ToArray();
            if (free.Length > 0)
                choices.Add((3, () => Offer(free[random.Next(free.Length)])));
            if (_open.Count > 0)
            {
                var offer = _open.Keys.ElementAt(random.Next(_open.Count));
                choices.Add((1, () => WithdrawOne(offer, Pick(OfferCancelReason.AgentNotReady, OfferCancelReason.AgentUnreachable, OfferCancelReason.NoAnswer))));
            }
        }

        /// <summary>After the call's end, the ACD keeps no stay and no offer for it: no agent is left reserved.</summary>
        public void AssertItHoldsNothing()
        {
            if (_waiting || _connected)
                throw new CallCoreViolation("the ACD still holds a stay of a call that finished", _waiting ? "waiting" : "connected");
            if (_open.Count > 0)
                throw new CallCoreViolation("an agent was left reserved by an offer of a call that finished", string.Join(", ", _open.Keys));
        }

        private void Offer(Guid agentId)
        {
            var offerId = new OfferId(++_lastOffer);
            var ringTimeout = TimeSpan.FromSeconds(random.Next(5, 30));
            _open[offerId] = (agentId, call.Now + ringTimeout);
            _agentOf[offerId] = agentId;
            RingTarget? target = random.Next(8) switch
            {
                0 => null,
                < 4 => CallCoreHarness.Webphone,
                _ => CallCoreHarness.Device(random.Next(1, 9)),
            };
            InFlight.Enqueue(new OfferAsked(new OfferCall(call.CallId, agentId, offerId, ringTimeout), target));
        }

        private void WithdrawOne(OfferId offerId, OfferCancelReason reason)
        {
            _open.Remove(offerId);
            InFlight.Enqueue(new OfferWithdrawn(offerId, reason));
        }

        private void Withdraw(OfferCancelReason reason)
        {
            foreach (var offer in _open.Keys.ToArray())
                WithdrawOne(offer, reason);
        }

        private void LetGo(CallOutcome outcome)
        {
            Withdraw(outcome == CallOutcome.TimedOut ? OfferCancelReason.CallTimedOut : OfferCancelReason.QueueRemoved);
            InFlight.Enqueue(new QueueLeft(outcome));
            _waiting = false;
        }

        /// <summary>An agent whose withdrawal is still on its way is not offered again before it arrives (the real ACD pauses them first).</summary>
        private bool WithdrawalInFlight(Guid agentId) => InFlight.Any(command => command is OfferWithdrawn withdrawn && _agentOf[withdrawn.OfferId] == agentId);

        private T Pick<T>(params T[] choices) => choices[random.Next(choices.Length)];
    }
}
