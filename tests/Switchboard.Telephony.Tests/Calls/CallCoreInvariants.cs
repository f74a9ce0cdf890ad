using Switchboard.Domain.Acd;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony.Tests.Calls;

/// <summary>
/// The call core's promises, checked on every input from what it was told and what it answered (never from its
/// insides): the caller gets one final answer, every leg placed is hung up (unless it ended itself) and released
/// once, the ACD hears the end of every stay it knew, every offer gets one answer, no user is left ringing or
/// connected, one leg at most is bridged, nothing plays once the call is over, every request gets one answer.
/// </summary>
/// <param name="core">The core checked; its queries must agree with what it said.</param>
/// <param name="broken">Told each promise broken, with what shows it; the call goes on, so that one fault hides no other.</param>
internal sealed class CallCoreInvariants(CallCore core, Action<string, string> broken)
{
    private enum CallerSide { Unanswered, Answered, Ended }

    private enum UserSide { Idle, Ringing, AnsweredOffer, Connected }

    private readonly Dictionary<LegId, LegRecord> _legs = [];
    private readonly Dictionary<RequestId, Type> _requests = [];
    private readonly HashSet<RequestId> _answered = [];
    private readonly Dictionary<Guid, UserSide> _users = [];
    private readonly Dictionary<Guid, UserCallPart?> _parts = [];
    private readonly Dictionary<Guid, bool> _busyElsewhere = [];
    private readonly HashSet<OfferId> _offered = [];
    private readonly HashSet<OfferId> _withdrawn = [];
    private readonly Dictionary<OfferId, int> _offerAnswers = [];
    private CallerSide _caller;
    private int _ringingRelayed;
    private LegId? _bridged;
    private bool _finished;

    /// <summary>The call arrived in a queue and the ACD has not let it go: it must hear the call's end.</summary>
    public bool StayOpen { get; private set; }

    public bool Finished => _finished;

    /// <summary>Checks what the core did with <paramref name="input"/>; an effect for the ACD goes to <paramref name="acd"/>, in order.</summary>
    public void Check(CallInput input, IReadOnlyList<CallEffect> effects, Action<AcdInput> acd)
    {
        if (_finished)
        {
            Expect(effects.Count == 0, "a finished call still did something", $"{effects.Count} effects for {input.GetType().Name}");
            return;
        }

        Before(input);
        for (var index = 0; index < effects.Count; index++)
        {
            var effect = effects[index];
            Expect(!_finished, "something happened after FinishCall in its batch", effect.ToString()!);
            Apply(input, effect);
            if (effect is TellAcd tell)
                acd(tell.Input);
        }

        After(input, effects);
    }

    /// <summary>What the input itself says: a request to answer, an end the caller or a leg brought about itself.</summary>
    private void Before(CallInput input)
    {
        if (RequestOf(input) is { } request)
        {
            Expect(_requests.TryAdd(request, AnswerTypeOf(input)), "a request number was used twice", request.ToString());
        }

        switch (input)
        {
            case CallerLeft:
                _caller = CallerSide.Ended;
                break;
            case LegFailed failed when Live(failed.Leg):
                _legs[failed.Leg].EndedItself = true;
                break;
            case LegHungUp hungUp when Live(hungUp.Leg):
                _legs[hungUp.Leg].EndedItself = true;
                break;
            case OfferAsked offer:
                _offered.Add(offer.Offer.OfferId);
                break;
            case OfferWithdrawn withdrawn:
                _withdrawn.Add(withdrawn.OfferId);
                break;
            case QueueLeft:
                StayOpen = false;
                break;
        }
    }

    private void Apply(CallInput input, CallEffect effect)
    {
        switch (effect)
        {
            case AnswerCaller:
                Expect(_caller == CallerSide.Unanswered, "the caller was answered twice, or after they were gone", _caller.ToString());
                _caller = CallerSide.Answered;
                break;
            case RelayRinging:
                Expect(_caller == CallerSide.Unanswered && ++_ringingRelayed == 1, "ringing was relayed twice, or to an answered caller", _caller.ToString());
                break;
            case RefuseCaller:
                Expect(_caller == CallerSide.Unanswered, "a caller already answered or gone was refused", _caller.ToString());
                _caller = CallerSide.Ended;
                break;
            case ByeCaller:
                Expect(_caller == CallerSide.Answered, "a BYE went to a caller not answered or gone", _caller.ToString());
                _caller = CallerSide.Ended;
                break;
            case StartPlayback or StartLoop or SendDigits:
                Expect(_caller == CallerSide.Answered, "a sound was played to a caller not answered or gone", $"{effect} to a caller {_caller}");
                break;
            case BridgeTo bridge:
                Expect(_caller == CallerSide.Answered, "a leg was bridged to a caller not answered or gone", _caller.ToString());
                Expect(_legs.TryGetValue(bridge.Leg, out var bridged) && !bridged.Released, "a leg not placed or already released was bridged", bridge.Leg.ToString());
                Expect(_bridged is null, "two legs were bridged at once", $"{_bridged} then {bridge.Leg}");
                _bridged = bridge.Leg;
                break;
            case Unbridge:
                _bridged = null;
                break;
            case PlaceLeg place:
                Expect(_legs.TryAdd(place.Leg, new LegRecord()), "a leg number was placed twice", place.Leg.ToString());
                break;
            case StartRingTimer ring:
                Expect(_legs.TryGetValue(ring.Leg, out var timed) && !timed.Released, "a ring timer for a leg not placed or released", ring.Leg.ToString());
                break;
            case HangUpLeg hangUp:
                HangUp(input, hangUp.Leg);
                break;
            case ReleaseLeg release:
                Release(release.Leg);
                break;
            case TellAcd tell:
                ToldAcd(tell.Input);
                break;
            case Publish publish:
                Published(publish.Event);
                break;
            case UserPartChanged changed:
                _parts[changed.UserId] = changed.Part;
                break;
            case RequestDone done:
                Answered(done.Request, typeof(RequestDone));
                break;
            case CallUserDone done:
                Answered(done.Request, typeof(CallUserDone));
                break;
            case ForwardDone done:
                Answered(done.Request, typeof(ForwardDone));
                break;
            case QueueWaitDone done:
                Answered(done.Request, typeof(QueueWaitDone));
                break;
            case WorkspaceDone done:
                Answered(done.Request, typeof(WorkspaceDone));
                break;
            case FinishCall:
                Finish();
                break;
        }
    }

    private void HangUp(CallInput input, LegId leg)
    {
        if (!Expect(_legs.TryGetValue(leg, out var record), "a leg never placed was hung up", leg.ToString()))
            return;
        if (record!.Released)
        {
            // Only a late answer (a 2xx that crossed our CANCEL) gets a BYE after the leg was let go.
            Expect(input is LegAnswered answered && answered.Leg == leg, "a released leg was hung up again", $"{leg} on {input.GetType().Name}");
            return;
        }

        Expect(!record.HungUp, "a leg was hung up twice", leg.ToString());
        Expect(!record.EndedItself, "a leg that ended itself was hung up", leg.ToString());
        record.HungUp = true;
    }

    private void Release(LegId leg)
    {
        if (!Expect(_legs.TryGetValue(leg, out var record), "a leg never placed was released", leg.ToString()))
            return;
        Expect(!record!.Released, "a leg was released twice", leg.ToString());
        Expect(record.HungUp || record.EndedItself, "a leg was released without being hung up though its peer had not ended it", leg.ToString());
        if (!Expect(_bridged != leg, "a leg was released while still bridged to the caller", leg.ToString()))
            _bridged = null;
        record.Released = true;
    }

    private void ToldAcd(AcdInput told)
    {
        switch (told)
        {
            case CallArrived:
                Expect(!StayOpen, "a call the ACD knew arrived in a queue again", told.ToString()!);
                StayOpen = true;
                break;
            case CallEnded:
                Expect(StayOpen, "the ACD was told the end of a call it did not know", told.ToString()!);
                StayOpen = false;
                break;
            case AgentAcceptedOffer or AgentRefusedOffer or OfferFailed:
                var offer = told switch
                {
                    AgentAcceptedOffer accepted => accepted.OfferId,
                    AgentRefusedOffer refused => refused.OfferId,
                    _ => ((OfferFailed)told).OfferId,
                };
                Expect(_offered.Contains(offer), "the ACD heard an answer to an offer it never made", told.ToString()!);
                Expect(!_withdrawn.Contains(offer), "the ACD heard an answer to an offer it had withdrawn", told.ToString()!);
                _offerAnswers[offer] = _offerAnswers.GetValueOrDefault(offer) + 1;
                Expect(_offerAnswers[offer] == 1, "an offer was answered twice", told.ToString()!);
                break;
            case SetAgentBusyElsewhere busy:
                Expect(_busyElsewhere.GetValueOrDefault(busy.AgentId) != busy.Busy, "an agent was set busy elsewhere (or not) twice", told.ToString()!);
                _busyElsewhere[busy.AgentId] = busy.Busy;
                break;
        }
    }

    private void Published(CallEvent published)
    {
        switch (published)
        {
            case UserRinging ringing:
                Expect(User(ringing.UserId) == UserSide.Idle, "a user was rung while already part of the call", $"{ringing.UserId} is {User(ringing.UserId)}");
                _users[ringing.UserId] = UserSide.Ringing;
                break;
            case UserRingingStopped stopped:
                Expect(User(stopped.UserId) == UserSide.Ringing, "ringing stopped for a user it did not ring", $"{stopped.UserId} is {User(stopped.UserId)}");
                _users[stopped.UserId] = stopped.Reason == RingingStopReason.Answered ? UserSide.AnsweredOffer : UserSide.Idle;
                break;
            case UserConnected connected:
                Expect(User(connected.UserId) == UserSide.AnsweredOffer, "a user was connected who had not answered", $"{connected.UserId} is {User(connected.UserId)}");
                _users[connected.UserId] = UserSide.Connected;
                break;
            case UserCallHeld held:
                Expect(User(held.UserId) == UserSide.Connected, "a user not connected held the call", $"{held.UserId} is {User(held.UserId)}");
                break;
            case UserLeftCall left:
                Expect(User(left.UserId) is UserSide.Connected or UserSide.AnsweredOffer, "a user left a call they were not in", $"{left.UserId} is {User(left.UserId)}");
                _users[left.UserId] = UserSide.Idle;
                break;
        }
    }

    private void Answered(RequestId request, Type answer)
    {
        if (!Expect(_requests.TryGetValue(request, out var expected), "an answer to a request never made", request.ToString()))
            return;
        Expect(expected == answer, "a request got an answer of another kind than its asker waits for", $"{request}: {answer.Name}, waits for {expected!.Name}");
        Expect(_answered.Add(request), "a request was answered twice", request.ToString());
    }

    private void Finish()
    {
        _finished = true;
        Expect(_caller == CallerSide.Ended, "the call finished with its caller neither refused, nor hung up on, nor gone", _caller.ToString());
        foreach (var (id, leg) in _legs)
            Expect(leg.Released, "the call finished with a leg never released", id.ToString());
        Expect(!StayOpen, "the call finished without the ACD hearing the end of a stay it knew", "");
        foreach (var (user, side) in _users)
            Expect(side == UserSide.Idle, "the call finished with a user still ringing or in it", $"{user} is {side}");
        foreach (var (user, part) in _parts)
            Expect(part is null, "the call finished with a user's workspace still showing a part in it", $"{user}: {part}");
        foreach (var (user, busy) in _busyElsewhere)
            Expect(!busy, "the call finished with an agent still busy elsewhere for it", user.ToString());
    }

    /// <summary>What holds between inputs: the core's view of its legs agrees with what it said of them.</summary>
    private void After(CallInput input, IReadOnlyList<CallEffect> effects)
    {
        if (effects.Count > 0 && effects[^1] is not FinishCall)
            Expect(!effects.Any(effect => effect is FinishCall), "FinishCall was not the last effect of its batch", string.Join(", ", effects.Select(e => e.GetType().Name)));
        Expect(core.Finished == _finished, "the core says it finished but never said FinishCall, or the reverse", core.Finished.ToString());
        if (_finished)
            return;

        Expect(_caller != CallerSide.Ended, "the caller is gone but the call goes on", input.GetType().Name);
        foreach (var (id, leg) in _legs)
        {
            var state = core.StateOf(id);
            Expect(leg.Released == (state == CalleeLegState.Ended), "a leg's state disagrees with its release", $"{id} is {state}, released: {leg.Released}");
        }

        Expect(core.Conversation is null || _bridged is null || core.Conversation == _bridged, "the conversation is not with the bridged leg", $"{core.Conversation} vs {_bridged}");
        if (_bridged is { } bridged)
            Expect(core.StateOf(bridged) == CalleeLegState.Connected, "a bridged leg is not in conversation", $"{bridged} is {core.StateOf(bridged)}");
        if (core.Conversation is { } conversation && core.StateOf(conversation) == CalleeLegState.Connected)
            Expect(_bridged == conversation, "a leg in conversation is not bridged", conversation.ToString());

        // A request the core can answer at once is answered at once: the workspace and the scenario wait on it.
        if (input is AnswerAsked or RefuseAsked or UserHangupAsked or HoldAsked or DigitsAsked or TransferAsked)
            Expect(_answered.Contains(RequestOf(input)!.Value), "a request was left unanswered", input.ToString()!);
    }

    public static RequestId? RequestOf(CallInput input) => input switch
    {
        AnswerAsked asked => asked.Request,
        PlayAsked asked => asked.Request,
        CallUserAsked asked => asked.Request,
        ForwardAsked asked => asked.Request,
        HangupAsked asked => asked.Request,
        QueueAsked asked => asked.Request,
        RefuseAsked asked => asked.Request,
        UserHangupAsked asked => asked.Request,
        HoldAsked asked => asked.Request,
        DigitsAsked asked => asked.Request,
        TransferAsked asked => asked.Request,
        _ => null,
    };

    private static Type AnswerTypeOf(CallInput input) => input switch
    {
        CallUserAsked => typeof(CallUserDone),
        ForwardAsked => typeof(ForwardDone),
        QueueAsked => typeof(QueueWaitDone),
        RefuseAsked or UserHangupAsked or HoldAsked or DigitsAsked or TransferAsked => typeof(WorkspaceDone),
        _ => typeof(RequestDone),
    };

    private bool Live(LegId leg) => _legs.TryGetValue(leg, out var record) && !record.Released;

    private UserSide User(Guid userId) => _users.GetValueOrDefault(userId);

    private bool Expect(bool holds, string invariant, string detail)
    {
        if (!holds)
            broken(invariant, detail);
        return holds;
    }

    private sealed class LegRecord
    {
        public bool HungUp { get; set; }

        public bool Released { get; set; }

        public bool EndedItself { get; set; }
    }
}

/// <summary>A promise of the call core that did not hold: <see cref="Invariant"/> names it, the message says where.</summary>
internal sealed class CallCoreViolation(string invariant, string detail) : Exception($"{invariant} ({detail})")
{
    public string Invariant { get; } = invariant;
}
