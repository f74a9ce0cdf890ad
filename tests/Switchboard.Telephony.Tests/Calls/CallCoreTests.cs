using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Telephony.Calls;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony.Tests.Calls;

/// <summary>The call's rules, one at a time: what the caller, the users, the scenario and the ACD notice of each.</summary>
public class CallCoreTests
{
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid Support = Guid.NewGuid();

    private readonly CallCoreHarness _call = new();

    [Fact]
    public void Called_user_who_answers_is_bridged_with_the_caller_who_is_answered_then()
    {
        var request = _call.Ask(id => new CallUserAsked(id, Alice, CallCoreHarness.Device(1), TimeSpan.FromSeconds(25)));
        var place = Assert.Single(_call.InLast<PlaceLeg>());
        Assert.Equal(("sip:user1@192.0.2.1:5060", (Guid?)Alice, (OfferId?)null), (place.RequestUri, place.UserId, place.OfferId));
        Assert.Equal(new StartRingTimer(place.Leg, TimeSpan.FromSeconds(25)), Assert.Single(_call.InLast<StartRingTimer>()));
        Assert.Contains(_call.Published, e => e is UserRinging ringing && ringing.UserId == Alice && !ringing.Webphone);
        Assert.Empty(_call.All<AnswerCaller>());

        _call.Handle(new LegRinging(place.Leg));
        Assert.Single(_call.InLast<RelayRinging>());

        _call.Handle(new LegAnswered(place.Leg));

        Assert.Equal(
            [typeof(AnswerCaller), typeof(BridgeTo)],
            _call.Last.Where(e => e is AnswerCaller or BridgeTo).Select(e => e.GetType()));
        Assert.Equal(new BridgeTo(place.Leg), Assert.Single(_call.InLast<BridgeTo>()));
        Assert.Equal(new CallUserDone(request, CallUserResult.Answered), Assert.Single(_call.InLast<CallUserDone>()));
        Assert.Contains(_call.Last, e => e is Publish { Event: UserConnected connected } && connected.UserId == Alice);
        Assert.Contains(new TellAcd(new SetAgentBusyElsewhere(Alice, Busy: true)), _call.Last);
        Assert.Equal(place.Leg, _call.Core.Conversation);
        Assert.Equal(UserCallState.Connected, _call.InLast<UserPartChanged>().Last().Part!.State);
    }

    [Fact]
    public void Answered_caller_hears_ringback_while_the_user_rings_and_not_once_they_answer()
    {
        _call.Ask(id => new AnswerAsked(id));

        _call.Ask(id => new CallUserAsked(id, Alice, CallCoreHarness.Webphone, TimeSpan.FromSeconds(25)));
        var leg = _call.Placed;
        Assert.Equal(new StartLoop(CallCoreHarness.Ringback), Assert.Single(_call.InLast<StartLoop>()));
        Assert.Equal(leg, _call.Core.RingingWebphone(Alice));

        _call.Handle(new LegAnswered(leg));

        Assert.Equal([typeof(StopLoop), typeof(BridgeTo)], _call.Last.Where(e => e is StopLoop or BridgeTo).Select(e => e.GetType()));
        Assert.Empty(_call.InLast<AnswerCaller>());
    }

    [Theory]
    [InlineData(true, CallUserResult.Refused, RingingStopReason.Refused)]
    [InlineData(false, CallUserResult.NoAnswer, RingingStopReason.Failed)]
    public void Called_user_who_refuses_or_fails_lets_the_scenario_go_on_and_ringback_stops(bool refused, CallUserResult result, RingingStopReason stop)
    {
        _call.Ask(id => new AnswerAsked(id));
        var request = _call.Ask(id => new CallUserAsked(id, Alice, CallCoreHarness.Device(1), TimeSpan.FromSeconds(25)));
        var leg = _call.Placed;

        _call.Handle(new LegFailed(leg, refused, "486 Busy Here"));

        Assert.Equal(new CallUserDone(request, result), Assert.Single(_call.InLast<CallUserDone>()));
        Assert.Single(_call.InLast<StopLoop>());
        Assert.Equal(new ReleaseLeg(leg), Assert.Single(_call.InLast<ReleaseLeg>()));
        Assert.Empty(_call.InLast<HangUpLeg>());
        Assert.Contains(new Publish(new UserRingingStopped(_call.CallId, Alice, stop)), _call.Last);
        Assert.Equal(new UserPartChanged(Alice, null), _call.InLast<UserPartChanged>().Last());
        Assert.False(_call.Core.Finished);
        Assert.Empty(_call.InLast<ByeCaller>());
    }

    [Fact]
    public void Called_user_who_does_not_answer_in_the_ring_time_is_cancelled_and_the_scenario_goes_on()
    {
        _call.Ask(id => new AnswerAsked(id));
        var request = _call.Ask(id => new CallUserAsked(id, Alice, CallCoreHarness.Device(1), TimeSpan.FromSeconds(25)));
        var leg = _call.Placed;
        _call.Handle(new LegRinging(leg));
        _call.Advance(TimeSpan.FromSeconds(25));

        _call.Handle(new LegRingTimedOut(leg));

        Assert.Equal(new CallUserDone(request, CallUserResult.NoAnswer), Assert.Single(_call.InLast<CallUserDone>()));
        Assert.Equal([typeof(HangUpLeg), typeof(ReleaseLeg)], _call.Last.Where(e => e is HangUpLeg or ReleaseLeg).Select(e => e.GetType()));
        Assert.Single(_call.InLast<StopLoop>());
        Assert.Contains(new Publish(new UserRingingStopped(_call.CallId, Alice, RingingStopReason.NoAnswer)), _call.Last);
        Assert.False(_call.Core.Finished);
    }

    [Fact]
    public void Forward_with_no_destination_is_not_placed_and_the_scenario_goes_on()
    {
        var request = _call.Ask(id => new ForwardAsked(id, "sip:+3230000000@carrier", null, "no trunk takes outbound calls"));

        Assert.Empty(_call.InLast<PlaceLeg>());
        Assert.Equal(new ForwardNotPlaced("sip:+3230000000@carrier", "no trunk takes outbound calls"), Assert.Single(_call.InLast<ForwardNotPlaced>()));
        Assert.Equal(new ForwardDone(request, false), Assert.Single(_call.InLast<ForwardDone>()));
        Assert.False(_call.Core.Finished);
    }

    [Fact]
    public void Forward_answered_hands_the_call_over_and_the_record_says_forwarded()
    {
        var request = _call.Ask(id => new ForwardAsked(id, "sip:+3230000000@carrier", CallCoreHarness.Carrier, ""));
        var place = Assert.Single(_call.InLast<PlaceLeg>());
        Assert.Equal(("sip:+3230000000@carrier", CallCoreHarness.Carrier, (Guid?)null), (place.RequestUri, place.Destination, place.UserId));

        _call.Handle(new LegAnswered(place.Leg));
        Assert.Equal(new ForwardDone(request, true), Assert.Single(_call.InLast<ForwardDone>()));
        Assert.Single(_call.InLast<AnswerCaller>());
        _call.ScenarioEnded(new Forwarded("+3230000000"));
        Assert.False(_call.Core.Finished);

        _call.Handle(new LegHungUp(place.Leg));

        Assert.Equal(CallResult.Forwarded, Assert.Single(_call.InLast<FinishCall>()).Result);
        Assert.Single(_call.InLast<ByeCaller>());
        Assert.Empty(_call.InLast<HangUpLeg>());
    }

    [Fact]
    public void Caller_in_a_queue_with_music_is_answered_only_once_the_queue_took_the_call()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 2, 90, CallCoreHarness.HoldMusic));

        Assert.Equal(new TellAcd(new CallArrived(_call.CallId, Sales, 2, 90)), Assert.Single(_call.InLast<TellAcd>()));
        Assert.Equal(new QueueChosen(Sales), Assert.Single(_call.InLast<QueueChosen>()));
        Assert.Empty(_call.InLast<AnswerCaller>());

        _call.Handle(new QueueTookCall());

        Assert.Equal([new AnswerCaller(), new StartLoop(CallCoreHarness.HoldMusic)], _call.Last);
    }

    [Fact]
    public void Queue_without_music_never_answers_the_caller_for_waiting()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, null));

        _call.Handle(new QueueTookCall());

        Assert.Empty(_call.All<AnswerCaller>());
        Assert.Empty(_call.All<StartLoop>());
    }

    [Fact]
    public void Call_that_leaves_its_queue_unanswered_stops_the_music_and_the_scenario_hears_why()
    {
        var request = _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        _call.Advance(TimeSpan.FromSeconds(90));

        _call.Handle(new QueueLeft(CallOutcome.TimedOut));

        Assert.Equal(
            [new StopLoop(), new QueueWaitDone(request, new LeftQueueUnanswered(QueueLeaveReason.TimedOut, TimeSpan.FromSeconds(90)))],
            _call.Last);
        Assert.False(_call.Core.Finished);
    }

    [Fact]
    public void Full_queue_refuses_the_caller_who_was_never_answered_and_the_acd_hears_no_end()
    {
        var request = _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));

        _call.Handle(new QueueLeft(CallOutcome.RefusedQueueFull));
        Assert.Equal(new QueueWaitDone(request, new LeftQueueUnanswered(QueueLeaveReason.QueueFull, TimeSpan.Zero)), Assert.Single(_call.InLast<QueueWaitDone>()));
        _call.Ask(id => new HangupAsked(id, HangupReason.EndOfScenario));

        Assert.Empty(_call.All<AnswerCaller>());
        Assert.Empty(_call.All<ByeCaller>());
        Assert.Single(_call.All<RefuseCaller>());
        Assert.DoesNotContain(_call.ToldAcd, input => input is CallEnded);
        Assert.Equal(CallResult.HungUpByScenario, Assert.Single(_call.All<FinishCall>()).Result);
    }

    [Fact]
    public void Offer_rings_the_agent_whose_answer_the_acd_hears_and_the_connect_bridges_them()
    {
        var request = _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        _call.Advance(TimeSpan.FromSeconds(12));

        var offer = _call.Offer(Alice, CallCoreHarness.Device(1));
        var place = Assert.Single(_call.InLast<PlaceLeg>());
        Assert.Equal(((Guid?)Alice, (OfferId?)offer.OfferId), (place.UserId, place.OfferId));
        Assert.Empty(_call.InLast<StartRingTimer>());
        Assert.Contains(_call.Last, e => e is Publish { Event: UserRinging ringing } && ringing.OfferId == offer.OfferId.Value && ringing.QueueId == Sales);

        _call.Handle(new LegAnswered(place.Leg));
        Assert.Equal(new TellAcd(new AgentAcceptedOffer(offer.OfferId)), Assert.Single(_call.InLast<TellAcd>()));
        Assert.Empty(_call.InLast<BridgeTo>());
        Assert.Empty(_call.InLast<StopLoop>());
        Assert.Equal(CalleeLegState.Answered, _call.Core.StateOf(place.Leg));

        _call.Handle(new ConnectAsked(new ConnectCall(_call.CallId, Alice, offer.OfferId)));

        Assert.Equal([typeof(StopLoop), typeof(BridgeTo)], _call.Last.Where(e => e is StopLoop or BridgeTo).Select(e => e.GetType()));
        Assert.Equal(new QueueWaitDone(request, new AnsweredInQueue(Alice, TimeSpan.FromSeconds(12))), Assert.Single(_call.InLast<QueueWaitDone>()));
        Assert.Contains(_call.Last, e => e is Publish { Event: UserConnected connected } && connected.UserId == Alice);
        Assert.Equal(place.Leg, _call.Core.ConversationOf(Alice));
    }

    [Theory]
    [InlineData(OfferCancelReason.NoAnswer, RingingStopReason.NoAnswer)]
    [InlineData(OfferCancelReason.AnsweredElsewhere, RingingStopReason.AnsweredElsewhere)]
    [InlineData(OfferCancelReason.AgentUnreachable, RingingStopReason.Failed)]
    public void Withdrawn_offer_stops_ringing_the_agent(OfferCancelReason reason, RingingStopReason stop)
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        var offer = _call.Offer(Alice, CallCoreHarness.Device(1));
        var leg = _call.Placed;

        _call.Handle(new OfferWithdrawn(offer.OfferId, reason));

        Assert.Equal([new HangUpLeg(leg), new ReleaseLeg(leg)], _call.Last.Where(e => e is HangUpLeg or ReleaseLeg));
        Assert.Contains(new Publish(new UserRingingStopped(_call.CallId, Alice, stop)), _call.Last);
        Assert.Empty(_call.InLast<TellAcd>());
        Assert.Equal(new UserPartChanged(Alice, null), _call.InLast<UserPartChanged>().Last());
        Assert.False(_call.Core.Finished);
    }

    [Fact]
    public void Answer_that_arrives_for_a_withdrawn_offer_is_hung_up_and_never_bridged()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        var offer = _call.Offer(Alice, CallCoreHarness.Device(1));
        var leg = _call.Placed;
        _call.Handle(new OfferWithdrawn(offer.OfferId, OfferCancelReason.NoAnswer));

        _call.Handle(new LegAnswered(leg));

        Assert.Equal([new HangUpLeg(leg)], _call.Last);
        Assert.DoesNotContain(_call.ToldAcd, input => input is AgentAcceptedOffer);
    }

    [Fact]
    public void Answered_offer_withdrawn_before_its_connect_is_hung_up_and_its_agent_leaves()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        var offer = _call.Offer(Alice, CallCoreHarness.Device(1));
        var leg = _call.Placed;
        _call.Handle(new LegAnswered(leg));

        _call.Handle(new OfferWithdrawn(offer.OfferId, OfferCancelReason.CallTimedOut));

        Assert.Equal([new HangUpLeg(leg), new ReleaseLeg(leg)], _call.Last.Where(e => e is HangUpLeg or ReleaseLeg));
        Assert.Empty(_call.All<BridgeTo>());
        Assert.Equal(new UserPartChanged(Alice, null), _call.All<UserPartChanged>().Last());
    }

    [Fact]
    public void Agent_refusing_an_offer_from_the_workspace_stops_it_and_the_acd_hears_the_refusal()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        var offer = _call.Offer(Alice, CallCoreHarness.Webphone);
        var leg = _call.Placed;

        var request = _call.Ask(id => new RefuseAsked(id, Alice));

        Assert.Equal(new WorkspaceDone(request, true), Assert.Single(_call.InLast<WorkspaceDone>()));
        Assert.Equal(new TellAcd(new AgentRefusedOffer(offer.OfferId)), Assert.Single(_call.InLast<TellAcd>()));
        Assert.Equal([new HangUpLeg(leg), new ReleaseLeg(leg)], _call.Last.Where(e => e is HangUpLeg or ReleaseLeg));
        Assert.Contains(new Publish(new UserRingingStopped(_call.CallId, Alice, RingingStopReason.Refused)), _call.Last);
        Assert.Null(_call.Core.RingingWebphone(Alice));
    }

    [Fact]
    public void Called_user_refusing_from_the_workspace_lets_the_scenario_go_on()
    {
        var callUser = _call.Ask(id => new CallUserAsked(id, Alice, CallCoreHarness.Webphone, TimeSpan.FromSeconds(25)));

        var refuse = _call.Ask(id => new RefuseAsked(id, Alice));

        Assert.Equal(new CallUserDone(callUser, CallUserResult.Refused), Assert.Single(_call.InLast<CallUserDone>()));
        Assert.Equal(new WorkspaceDone(refuse, true), Assert.Single(_call.InLast<WorkspaceDone>()));
    }

    [Fact]
    public void Workspace_request_of_a_user_the_call_does_not_ring_or_connect_does_not_apply()
    {
        _call.Ask(id => new CallUserAsked(id, Alice, CallCoreHarness.Webphone, TimeSpan.FromSeconds(25)));
        var before = _call.Effects.Count;

        var requests = new[]
        {
            _call.Ask(id => new RefuseAsked(id, Bob)),
            _call.Ask(id => new UserHangupAsked(id, Bob)),
            _call.Ask(id => new HoldAsked(id, Alice, true, CallCoreHarness.HoldMusic)),
            _call.Ask(id => new DigitsAsked(id, Alice, "12")),
            _call.Ask(id => new TransferAsked(id, Alice, new UserTransfer(Bob, CallCoreHarness.Webphone))),
        };

        Assert.Equal(requests.Select(request => new WorkspaceDone(request, false)), _call.Effects.Skip(before));
    }

    [Fact]
    public void Hold_plays_music_to_the_caller_unbridged_and_resume_bridges_them_again()
    {
        var leg = ConnectedFromQueue(Alice);

        var hold = _call.Ask(id => new HoldAsked(id, Alice, true, CallCoreHarness.HoldMusic));
        Assert.Equal(
            [new Unbridge(), new StartLoop(CallCoreHarness.HoldMusic), new Publish(new UserCallHeld(_call.CallId, Alice, true)), new WorkspaceDone(hold, true)],
            _call.Last.Where(e => e is not UserPartChanged));
        Assert.True(_call.Core.OnHold);
        Assert.Equal(UserCallState.Held, Assert.Single(_call.InLast<UserPartChanged>()).Part!.State);

        var resume = _call.Ask(id => new HoldAsked(id, Alice, false, CallCoreHarness.HoldMusic));
        Assert.Equal(
            [new StopLoop(), new BridgeTo(leg), new Publish(new UserCallHeld(_call.CallId, Alice, false)), new WorkspaceDone(resume, true)],
            _call.Last.Where(e => e is not UserPartChanged));
        Assert.False(_call.Core.OnHold);
        Assert.Equal(leg, _call.Core.Conversation);
    }

    [Fact]
    public void Digits_from_the_workspace_go_to_the_caller()
    {
        ConnectedFromQueue(Alice);

        var request = _call.Ask(id => new DigitsAsked(id, Alice, "42#"));

        Assert.Equal([new SendDigits("42#"), new WorkspaceDone(request, true)], _call.Last);
    }

    [Fact]
    public void Transfer_to_a_user_lets_the_agent_go_plays_music_and_connects_the_target()
    {
        var agentLeg = ConnectedFromQueue(Alice);

        var transfer = _call.Ask(id => new TransferAsked(id, Alice, new UserTransfer(Bob, CallCoreHarness.Device(2))));

        Assert.Equal(new WorkspaceDone(transfer, true), Assert.Single(_call.InLast<WorkspaceDone>()));
        Assert.Equal([new Unbridge(), new HangUpLeg(agentLeg), new ReleaseLeg(agentLeg)], _call.Last.Where(e => e is Unbridge or HangUpLeg or ReleaseLeg));
        Assert.Contains(new Publish(new UserLeftCall(_call.CallId, Alice, UserLeftReason.Transferred, _call.Now)), _call.Last);
        Assert.Equal(new TellAcd(new CallEnded(_call.CallId)), Assert.Single(_call.InLast<TellAcd>()));
        Assert.Equal(new StartLoop(CallCoreHarness.HoldMusic), Assert.Single(_call.InLast<StartLoop>()));
        var target = _call.Placed;
        Assert.Equal(new StartRingTimer(target, CallCore.TransferRingTime), Assert.Single(_call.InLast<StartRingTimer>()));

        _call.Handle(new LegAnswered(target));
        Assert.Equal([typeof(StopLoop), typeof(BridgeTo)], _call.Last.Where(e => e is StopLoop or BridgeTo).Select(e => e.GetType()));
        _call.Handle(new LegHungUp(target));

        var finished = Assert.Single(_call.InLast<FinishCall>());
        Assert.Equal([Alice, Bob], finished.Agents.Select(agent => agent.UserId));
        // Alice answered the queue's offer; Bob was transferred to, from no queue: each wraps up as such.
        Assert.Equal([Sales, null], finished.Agents.Select(agent => agent.QueueId));
        Assert.Equal([new UserConnected(_call.CallId, Alice, Sales, _call.Now), new UserConnected(_call.CallId, Bob, null, _call.Now)],
            _call.Published.OfType<UserConnected>());
        var transferred = Assert.Single(finished.Transfers);
        Assert.Equal((Alice, (Guid?)Bob), (transferred.ByUserId, transferred.ToUserId));
        Assert.Single(_call.InLast<ByeCaller>());
        Assert.Single(_call.ToldAcd.OfType<CallEnded>());
    }

    [Fact]
    public void Transfer_target_that_does_not_answer_ends_the_call_as_a_failed_forward()
    {
        ConnectedFromQueue(Alice);
        _call.Ask(id => new TransferAsked(id, Alice, new UserTransfer(Bob, CallCoreHarness.Webphone)));
        var target = _call.Placed;
        _call.Advance(CallCore.TransferRingTime);

        _call.Handle(new LegRingTimedOut(target));

        Assert.Equal(CallResult.ForwardFailed, Assert.Single(_call.InLast<FinishCall>()).Result);
        Assert.Single(_call.InLast<ByeCaller>());
        Assert.Equal([new HangUpLeg(target), new ReleaseLeg(target)], _call.Last.Where(e => e is HangUpLeg or ReleaseLeg));
        Assert.Contains(new Publish(new UserRingingStopped(_call.CallId, Bob, RingingStopReason.NoAnswer)), _call.Last);
        Assert.Equal(new UserPartChanged(Bob, null), _call.All<UserPartChanged>().Last());
    }

    [Fact]
    public void Transfer_target_refusing_from_the_workspace_is_answered_before_the_call_finishes()
    {
        ConnectedFromQueue(Alice);
        _call.Ask(id => new TransferAsked(id, Alice, new UserTransfer(Bob, CallCoreHarness.Webphone)));

        var refuse = _call.Ask(id => new RefuseAsked(id, Bob));

        Assert.Contains(new WorkspaceDone(refuse, true), _call.Last);
        Assert.Single(_call.InLast<ByeCaller>());
        Assert.IsType<FinishCall>(_call.Last[^1]);
    }

    [Fact]
    public void Transfer_to_a_queue_ends_the_agents_stay_and_enters_the_new_queue()
    {
        ConnectedFromQueue(Alice);

        _call.Ask(id => new TransferAsked(id, Alice, new QueueTransfer(Support, CallCoreHarness.HoldMusic)));

        Assert.Equal(
            [new CallEnded(_call.CallId), new CallArrived(_call.CallId, Support, 0, null)],
            _call.InLast<TellAcd>().Select(tell => tell.Input));
        Assert.Equal(new QueueChosen(Support), Assert.Single(_call.InLast<QueueChosen>()));

        _call.Handle(new QueueTookCall());
        Assert.Equal(new StartLoop(CallCoreHarness.HoldMusic), Assert.Single(_call.InLast<StartLoop>()));
        _call.Handle(new QueueLeft(CallOutcome.TimedOut));

        var finished = Assert.Single(_call.InLast<FinishCall>());
        Assert.Equal((CallResult.AnsweredFromQueue, (Guid?)Support), (finished.Result, finished.QueueId));
        Assert.Single(_call.InLast<ByeCaller>());
        Assert.DoesNotContain(_call.InLast<TellAcd>(), tell => tell.Input is CallEnded);
    }

    [Fact]
    public void Transfer_to_a_number_that_refuses_ends_the_call_as_a_failed_forward()
    {
        ConnectedFromQueue(Alice);
        var target = new ForwardTarget("sip:+3230000000@carrier", CallCoreHarness.Carrier, "");

        _call.Ask(id => new TransferAsked(id, Alice, new ForwardTransfer(target, CallCoreHarness.Carrier)));
        var place = Assert.Single(_call.InLast<PlaceLeg>());
        Assert.Equal(("sip:+3230000000@carrier", CallCoreHarness.Carrier), (place.RequestUri, place.Destination));

        _call.Handle(new LegFailed(place.Leg, Refused: true, "486 Busy Here"));

        Assert.Equal(CallResult.ForwardFailed, Assert.Single(_call.InLast<FinishCall>()).Result);
        Assert.Single(_call.InLast<ByeCaller>());
        Assert.Equal("sip:+3230000000@carrier", Assert.Single(Assert.Single(_call.InLast<FinishCall>()).Transfers).ToNumber);
    }

    [Fact]
    public void Caller_hanging_up_while_a_user_rings_cancels_the_ringing()
    {
        var request = _call.Ask(id => new CallUserAsked(id, Alice, CallCoreHarness.Device(1), TimeSpan.FromSeconds(25)));
        var leg = _call.Placed;
        _call.Handle(new LegRinging(leg));

        _call.Handle(new CallerLeft());

        Assert.Equal([new HangUpLeg(leg), new ReleaseLeg(leg)], _call.Last.Where(e => e is HangUpLeg or ReleaseLeg));
        Assert.Contains(new Publish(new UserRingingStopped(_call.CallId, Alice, RingingStopReason.CallerHungUp)), _call.Last);
        Assert.Equal(new CallUserDone(request, CallUserResult.NoAnswer), Assert.Single(_call.InLast<CallUserDone>()));
        Assert.Empty(_call.InLast<RefuseCaller>());
        Assert.Empty(_call.InLast<ByeCaller>());
        Assert.Equal(CallResult.CallerHungUp, Assert.IsType<FinishCall>(_call.Last[^1]).Result);
    }

    [Fact]
    public void Caller_hanging_up_in_a_queue_ends_every_ringing_offer_and_the_acd_hears_it()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        _call.Offer(Alice, CallCoreHarness.Device(1));
        var first = _call.Placed;
        _call.Offer(Bob, CallCoreHarness.Webphone);
        var second = _call.Placed;

        _call.Handle(new CallerLeft());

        Assert.Equal(
            [new HangUpLeg(first), new ReleaseLeg(first), new HangUpLeg(second), new ReleaseLeg(second)],
            _call.Last.Where(e => e is HangUpLeg or ReleaseLeg));
        Assert.Equal(new StopLoop(), Assert.Single(_call.InLast<StopLoop>()));
        Assert.Equal(new TellAcd(new CallEnded(_call.CallId)), Assert.Single(_call.InLast<TellAcd>()));
        Assert.Equal([new UserPartChanged(Alice, null), new UserPartChanged(Bob, null)], _call.InLast<UserPartChanged>());
        Assert.Empty(_call.InLast<ByeCaller>());
        Assert.IsType<FinishCall>(_call.Last[^1]);
    }

    [Fact]
    public void Caller_hanging_up_after_the_queue_let_the_call_go_is_not_told_to_the_acd()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        _call.Handle(new QueueLeft(CallOutcome.TimedOut));

        _call.Handle(new CallerLeft());

        Assert.Empty(_call.InLast<TellAcd>());
        Assert.Equal(CallResult.CallerHungUp, Assert.Single(_call.InLast<FinishCall>()).Result);
    }

    [Fact]
    public void Caller_hanging_up_in_conversation_lets_the_agent_go_and_starts_their_wrap_up()
    {
        var leg = ConnectedFromQueue(Alice);

        _call.Handle(new CallerLeft());

        Assert.Equal([new Unbridge(), new HangUpLeg(leg), new ReleaseLeg(leg)], _call.Last.Where(e => e is Unbridge or HangUpLeg or ReleaseLeg));
        Assert.Contains(new Publish(new UserLeftCall(_call.CallId, Alice, UserLeftReason.CallerHungUp, _call.Now)), _call.Last);
        Assert.Equal(new TellAcd(new CallEnded(_call.CallId)), Assert.Single(_call.InLast<TellAcd>()));
        var finished = Assert.IsType<FinishCall>(_call.Last[^1]);
        Assert.Equal(CallResult.AnsweredFromQueue, finished.Result);
        Assert.Equal(UserLeftReason.CallerHungUp, Assert.Single(finished.Agents).Left);
        Assert.Empty(_call.InLast<ByeCaller>());
    }

    [Fact]
    public void Caller_hanging_up_while_a_scenario_sound_plays_stops_it()
    {
        _call.Ask(id => new AnswerAsked(id));
        _call.Ask(id => new PlayAsked(id, CallCoreHarness.Ringback, 2));

        _call.Handle(new CallerLeft());

        Assert.Equal([typeof(StopPlayback), typeof(FinishCall)], _call.Last.Select(e => e.GetType()));
        Assert.Equal(CallResult.CallerHungUp, Assert.IsType<FinishCall>(_call.Last[^1]).Result);
    }

    [Fact]
    public void Agent_hanging_up_from_the_workspace_ends_the_call_for_the_caller()
    {
        var leg = ConnectedFromQueue(Alice);

        var request = _call.Ask(id => new UserHangupAsked(id, Alice));

        Assert.Equal(new WorkspaceDone(request, true), Assert.Single(_call.InLast<WorkspaceDone>()));
        Assert.Equal([new HangUpLeg(leg), new ReleaseLeg(leg)], _call.Last.Where(e => e is HangUpLeg or ReleaseLeg));
        Assert.Single(_call.InLast<ByeCaller>());
        Assert.Contains(new Publish(new UserLeftCall(_call.CallId, Alice, UserLeftReason.HungUp, _call.Now)), _call.Last);
        Assert.IsType<FinishCall>(_call.Last[^1]);
    }

    [Fact]
    public void Fault_in_a_step_refuses_an_unanswered_caller_with_a_server_error()
    {
        _call.Ask(id => new CallUserAsked(id, Alice, CallCoreHarness.Device(1), TimeSpan.FromSeconds(25)));
        var leg = _call.Placed;

        _call.Handle(new StepFaulted("SocketException: boom"));

        Assert.Equal(new RefuseCaller(500, "Server Error"), Assert.Single(_call.InLast<RefuseCaller>()));
        Assert.Equal([new HangUpLeg(leg), new ReleaseLeg(leg)], _call.Last.Where(e => e is HangUpLeg or ReleaseLeg));
        var finished = Assert.IsType<FinishCall>(_call.Last[^1]);
        Assert.Equal((CallResult.Failed, "SocketException: boom"), (finished.Result, finished.Detail));
    }

    [Fact]
    public void Fault_in_a_step_hangs_up_an_answered_caller()
    {
        _call.Ask(id => new AnswerAsked(id));

        _call.Handle(new StepFaulted("boom"));

        Assert.Single(_call.InLast<ByeCaller>());
        Assert.Empty(_call.InLast<RefuseCaller>());
        Assert.Equal(CallResult.Failed, Assert.IsType<FinishCall>(_call.Last[^1]).Result);
    }

    [Fact]
    public void Scenario_that_says_it_handed_the_call_over_with_nothing_connected_ends_the_call()
    {
        _call.Ask(id => new AnswerAsked(id));

        _call.ScenarioEnded(new AnsweredByUser(Alice));

        Assert.Single(_call.InLast<ByeCaller>());
        Assert.Equal(CallResult.Failed, Assert.IsType<FinishCall>(_call.Last[^1]).Result);
    }

    [Fact]
    public void Scenario_that_failed_ends_the_call()
    {
        _call.ScenarioEnded(null);

        Assert.Single(_call.InLast<RefuseCaller>());
        Assert.Equal(CallResult.Failed, Assert.IsType<FinishCall>(_call.Last[^1]).Result);
    }

    [Fact]
    public void Scenario_hanging_up_is_answered_before_the_call_finishes()
    {
        _call.Ask(id => new AnswerAsked(id));

        var request = _call.Ask(id => new HangupAsked(id, HangupReason.ByScenario));

        Assert.Single(_call.InLast<ByeCaller>());
        Assert.Contains(new RequestDone(request), _call.Last);
        Assert.IsType<FinishCall>(_call.Last[^1]);
    }

    [Fact]
    public void Connect_for_an_agent_whose_leg_is_gone_ends_the_call()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        var offer = _call.Offer(Alice, CallCoreHarness.Device(1));
        var leg = _call.Placed;
        _call.Handle(new LegAnswered(leg));
        _call.Handle(new LegHungUp(leg));
        // The ACD heard the answer: its connect, already on its way, is what finds the leg gone.
        Assert.Empty(_call.InLast<TellAcd>());

        _call.Handle(new ConnectAsked(new ConnectCall(_call.CallId, Alice, offer.OfferId)));

        Assert.Single(_call.InLast<ByeCaller>());
        Assert.Equal(CallResult.Failed, Assert.IsType<FinishCall>(_call.Last[^1]).Result);
        Assert.Empty(_call.All<BridgeTo>());
    }

    [Fact]
    public void Finished_call_ignores_everything_that_still_arrives()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        var offer = _call.Offer(Alice, CallCoreHarness.Device(1));
        _call.Handle(new CallerLeft());

        Assert.Empty(_call.Handle(new ConnectAsked(new ConnectCall(_call.CallId, Alice, offer.OfferId))));
        _call.Offer(Bob, CallCoreHarness.Device(2));
        Assert.Empty(_call.Last);
        Assert.Empty(_call.Handle(new OfferWithdrawn(offer.OfferId, OfferCancelReason.CallerHungUp)));
        Assert.Empty(_call.Handle(new QueueLeft(CallOutcome.TimedOut)));
        Assert.Empty(_call.Handle(new CallerLeft()));
        Assert.Single(_call.All<FinishCall>());
    }

    [Fact]
    public void Agent_whose_answered_offer_hangs_up_before_the_connect_is_answered_once_to_the_acd()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        var offer = _call.Offer(Alice, CallCoreHarness.Device(1));
        var leg = _call.Placed;
        _call.Handle(new LegAnswered(leg));

        _call.Handle(new LegHungUp(leg));

        // The ACD took the acceptance as final (it connects, or already withdrew the offer): one answer per offer.
        Assert.Equal([new AgentAcceptedOffer(offer.OfferId)], _call.ToldAcd.Where(input => input is AgentAcceptedOffer or AgentRefusedOffer or OfferFailed));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Conversation_that_ends_from_the_agents_side_unbridges_the_caller_before_the_leg_is_released(bool fromWorkspace)
    {
        var leg = ConnectedFromQueue(Alice);

        _call.Handle(fromWorkspace ? new UserHangupAsked(_call.NextRequest(), Alice) : new LegHungUp(leg));

        Assert.Equal([typeof(Unbridge), typeof(ReleaseLeg)], _call.Last.Where(e => e is Unbridge or ReleaseLeg).Select(e => e.GetType()));
    }

    [Fact]
    public void Transfer_to_a_user_whose_ring_all_offer_still_rings_rings_them_for_the_transfer()
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        var won = _call.Offer(Alice, CallCoreHarness.Device(1));
        var aliceLeg = _call.Placed;
        var lost = _call.Offer(Bob, CallCoreHarness.Webphone);
        _call.Handle(new LegAnswered(aliceLeg));
        // The ACD connects the winner first and withdraws the other offers after.
        _call.Handle(new ConnectAsked(new ConnectCall(_call.CallId, Alice, won.OfferId)));
        _call.Ask(id => new TransferAsked(id, Alice, new UserTransfer(Bob, CallCoreHarness.Webphone)));
        var transferLeg = _call.Placed;

        _call.Handle(new OfferWithdrawn(lost.OfferId, OfferCancelReason.AnsweredElsewhere));

        Assert.Equal(transferLeg, _call.Core.RingingWebphone(Bob));
        Assert.Equal(UserCallState.Ringing, _call.All<UserPartChanged>().Last(change => change.UserId == Bob).Part?.State);
    }

    /// <summary>An agent who took the call from a queue with music, on <see cref="CallCoreHarness.Device"/>: the leg they talk on.</summary>
    private LegId ConnectedFromQueue(Guid agentId)
    {
        _call.Ask(id => new QueueAsked(id, Sales, 0, null, CallCoreHarness.HoldMusic));
        _call.Handle(new QueueTookCall());
        var offer = _call.Offer(agentId, CallCoreHarness.Device(1));
        var leg = _call.Placed;
        _call.Handle(new LegAnswered(leg));
        _call.Handle(new ConnectAsked(new ConnectCall(_call.CallId, agentId, offer.OfferId)));
        Assert.Equal(leg, _call.Core.Conversation);
        return leg;
    }
}
