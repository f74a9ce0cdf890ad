using Switchboard.Domain.Acd;

namespace Switchboard.Domain.Tests.Acd;

public class AcdCoreTests
{
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid Carol = Guid.NewGuid();

    private readonly AcdHarness _acd = new();

    [Fact]
    public void Waiting_call_rings_a_ready_agent_for_the_queues_ring_timeout()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Alice);

        var call = _acd.Call(queue);

        var offer = Assert.Single(_acd.All<OfferCall>());
        Assert.Equal((call, Alice, TimeSpan.FromSeconds(20)), (offer.CallId, offer.AgentId, offer.RingTimeout));
        var offered = Assert.Single(_acd.All<CallOffered>());
        Assert.Equal((call, queue.Id, Alice, offer.OfferId, _acd.Now), (offered.CallId, offered.QueueId, offered.AgentId, offered.OfferId, offered.At));
        Assert.Equal(AgentActivity.Offered, _acd.Agent(Alice).Activity);
    }

    [Fact]
    public void Agents_not_ready_or_not_reachable_get_no_offer_until_they_are_both()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        _acd.Post(new SetAgentStatus(Alice, AgentStatus.Ready));
        _acd.Post(new SetAgentReachable(Bob, true));
        _acd.Post(new SetAgentStatus(Bob, AgentStatus.BackSoon));

        var call = _acd.Call(queue);
        Assert.Empty(_acd.All<OfferCall>());

        _acd.Post(new SetAgentStatus(Bob, AgentStatus.Ready));
        Assert.Equal(Bob, _acd.RingingAgent(call));
    }

    [Fact]
    public void Answered_call_leaves_the_queue_and_the_agent_is_on_the_call()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        var call = _acd.Call(queue);
        _acd.Advance(12);
        _acd.Ready(Alice);
        var offerId = _acd.OfferOf(Alice);

        _acd.Accept(Alice);

        Assert.Equal(new ConnectCall(call, Alice, offerId), _acd.All<ConnectCall>().Single());
        var answered = Assert.Single(_acd.All<OfferAnswered>());
        Assert.Equal((CallOutcome.Answered, TimeSpan.FromSeconds(12)), (answered.Outcome, answered.Waited));
        Assert.Null(_acd.Snapshot().WaitingCall(call));
        var alice = _acd.Agent(Alice);
        Assert.Equal((AgentActivity.OnCall, call, queue.Id), (alice.Activity, alice.CallId, alice.QueueId));
    }

    [Fact]
    public void Agent_wraps_up_after_a_call_for_the_queues_wrap_up_time_before_the_next_offer()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", WrapUpSeconds = 30, Members = [new(Alice, 1, 0)] });
        _acd.Ready(Alice);
        _acd.Call(queue);
        var second = _acd.Call(queue);

        _acd.TakeCall(Alice, TimeSpan.FromSeconds(60));
        Assert.Equal(AgentActivity.WrapUp, _acd.Agent(Alice).Activity);
        _acd.Advance(29);
        Assert.Empty(_acd.Snapshot().WaitingCall(second)!.OfferedTo);

        _acd.Advance(1);
        Assert.Equal(Alice, _acd.RingingAgent(second));
        Assert.Equal(
            [AgentActivity.Offered, AgentActivity.OnCall, AgentActivity.WrapUp, AgentActivity.Idle, AgentActivity.Offered],
            _acd.All<AgentActivityChanged>().Select(change => change.Activity));
    }

    [Fact]
    public void Refused_offer_goes_to_next_ready_agent_at_once()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        _acd.Ready(Alice, Bob);
        var call = _acd.Call(queue);
        var refusedOffer = _acd.OfferOf(Alice);

        _acd.Refuse(Alice);

        var refused = Assert.Single(_acd.All<OfferRefused>());
        Assert.Equal((call, Alice, refusedOffer), (refused.CallId, refused.AgentId, refused.OfferId));
        Assert.Equal(Bob, _acd.RingingAgent(call));
        Assert.Equal(_acd.Now.AddSeconds(5), _acd.Agent(Alice).PausedUntil);
    }

    [Fact]
    public void Refuser_is_left_alone_for_the_reject_delay_before_the_call_comes_back()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Alice);
        var call = _acd.Call(queue);

        _acd.Refuse(Alice);
        _acd.Advance(4);
        Assert.Empty(_acd.Snapshot().WaitingCall(call)!.OfferedTo);

        _acd.Advance(1);
        Assert.Equal(Alice, _acd.RingingAgent(call));
    }

    [Fact]
    public void Agent_who_refused_a_call_is_passed_over_for_it_while_another_is_available()
    {
        var acd = new AcdHarness(new AcdOptions { RejectDelay = TimeSpan.Zero });
        var queue = acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        acd.Ready(Alice);
        var call = acd.Call(queue);
        acd.Ready(Bob);

        acd.Refuse(Alice);

        Assert.Equal(Bob, acd.RingingAgent(call));
    }

    [Fact]
    public void Unanswered_offer_goes_to_the_next_agent_when_the_ring_timeout_passes()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        _acd.Ready(Alice, Bob);
        var call = _acd.Call(queue);
        var missed = _acd.OfferOf(Alice);

        _acd.Advance(19);
        Assert.Equal(Alice, _acd.RingingAgent(call));
        var outputs = _acd.Advance(1);

        Assert.Contains(new CancelOffer(missed, call, Alice, OfferCancelReason.NoAnswer), outputs);
        Assert.Equal(Alice, Assert.Single(outputs.OfType<OfferNotAnswered>()).AgentId);
        Assert.Equal(Bob, _acd.RingingAgent(call));
        Assert.Equal(1, _acd.Agent(Alice).UnansweredInARow);
    }

    [Fact]
    public void Offer_that_cannot_ring_counts_as_unanswered_and_goes_to_the_next_agent()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        _acd.Ready(Alice, Bob);
        var call = _acd.Call(queue);

        _acd.Post(new OfferFailed(_acd.OfferOf(Alice)));

        Assert.Single(_acd.All<OfferNotAnswered>());
        Assert.Equal(Bob, _acd.RingingAgent(call));
    }

    [Fact]
    public void Agent_who_misses_max_no_answer_offers_in_a_row_is_set_not_available_saying_why()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Support", MaxNoAnswer = 2, Members = [new(Alice, 1, 0)] });
        _acd.Ready(Alice);
        var call = _acd.Call(queue);

        _acd.Advance(20);
        Assert.Equal(AgentStatus.Ready, _acd.Agent(Alice).Status);
        _acd.Advance(5);
        Assert.Equal(Alice, _acd.RingingAgent(call));
        _acd.Advance(20);

        var changed = Assert.Single(_acd.All<AgentStatusChanged>(), change => change.Status == AgentStatus.NotAvailable);
        Assert.Equal((Alice, StatusChangeReason.TooManyUnansweredOffers, _acd.Now), (changed.AgentId, changed.Reason, changed.At));
        _acd.Advance(60);
        Assert.Empty(_acd.Snapshot().WaitingCall(call)!.OfferedTo);
        Assert.Equal(2, _acd.All<OfferCall>().Count());
    }

    [Fact]
    public void Answering_a_call_clears_the_count_of_missed_offers()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Support", MaxNoAnswer = 2, WrapUpSeconds = 0, Members = [new(Alice, 1, 0)] });
        _acd.Ready(Alice);
        _acd.Call(queue);
        _acd.Advance(25);

        _acd.TakeCall(Alice, TimeSpan.FromSeconds(30));
        _acd.Call(queue);
        _acd.Advance(20);

        Assert.Equal(AgentStatus.Ready, _acd.Agent(Alice).Status);
        Assert.Equal(1, _acd.Agent(Alice).UnansweredInARow);
    }

    [Fact]
    public void Higher_priority_calls_are_served_first_then_the_longest_waiting()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        var first = _acd.Call(queue);
        _acd.Advance(1);
        var second = _acd.Call(queue);
        _acd.Advance(1);
        var urgent = _acd.Call(queue, priority: 5);

        Assert.Equal([urgent, first, second], _acd.Snapshot().Queue(queue.Id)!.WaitingCalls.Select(call => call.CallId));
        Assert.Equal([1, 2, 1], _acd.All<CallEnteredQueue>().Select(entered => entered.Position));

        _acd.Post(new SetAgentStatus(Alice, AgentStatus.Ready));
        _acd.Post(new SetAgentReachable(Alice, true));
        Assert.Equal(urgent, _acd.Agent(Alice).CallId);
    }

    [Fact]
    public void Agent_in_several_queues_is_offered_the_highest_priority_call_among_them()
    {
        var sales = _acd.Queue(QueueStrategy.TopDown, Alice);
        var support = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Call(sales);
        _acd.Advance(30);
        var urgent = _acd.Call(support, priority: 2);

        _acd.Ready(Alice);

        Assert.Equal(urgent, _acd.Agent(Alice).CallId);
    }

    [Fact]
    public void Between_calls_of_equal_priority_the_higher_priority_queue_wins_then_the_longest_waiting()
    {
        var sales = _acd.Configure(new DistributionQueue { Name = "Sales", Priority = 0, WrapUpSeconds = 0, Members = [new(Alice, 1, 0)] });
        var vip = _acd.Configure(new DistributionQueue { Name = "VIP", Priority = 10, WrapUpSeconds = 0, Members = [new(Alice, 1, 0)] });
        var olderSales = _acd.Call(sales);
        _acd.Advance(10);
        var vipCall = _acd.Call(vip);
        _acd.Advance(10);
        var newerSales = _acd.Call(sales);

        _acd.Ready(Alice);
        Assert.Equal(vipCall, _acd.Agent(Alice).CallId);
        _acd.TakeCall(Alice, TimeSpan.FromSeconds(5));

        Assert.Equal(olderSales, _acd.Agent(Alice).CallId);
        _acd.TakeCall(Alice, TimeSpan.FromSeconds(5));
        Assert.Equal(newerSales, _acd.Agent(Alice).CallId);
    }

    [Fact]
    public void Ring_all_rings_every_available_agent_and_the_first_to_accept_wins()
    {
        var queue = _acd.Queue(QueueStrategy.RingAll, Alice, Bob, Carol);
        _acd.Ready(Alice, Bob, Carol);
        var call = _acd.Call(queue);
        Assert.Equal([Alice, Bob, Carol], _acd.Snapshot().WaitingCall(call)!.OfferedTo);
        var bobsOffer = _acd.OfferOf(Bob);
        var carolsOffer = _acd.OfferOf(Carol);

        _acd.Accept(Alice);

        Assert.Equal(
            [new CancelOffer(bobsOffer, call, Bob, OfferCancelReason.AnsweredElsewhere), new CancelOffer(carolsOffer, call, Carol, OfferCancelReason.AnsweredElsewhere)],
            _acd.All<CancelOffer>());
        Assert.All(_acd.All<OfferCancelled>(), cancelled => Assert.Equal(OfferCancelReason.AnsweredElsewhere, cancelled.Reason));
        Assert.Equal(call, Assert.Single(_acd.All<ConnectCall>()).CallId);
        Assert.True(_acd.Agent(Bob).IsAvailable);
        Assert.True(_acd.Agent(Carol).IsAvailable);
    }

    [Fact]
    public void Late_accept_of_an_offer_answered_elsewhere_is_ignored()
    {
        var queue = _acd.Queue(QueueStrategy.RingAll, Alice, Bob);
        _acd.Ready(Alice, Bob);
        _acd.Call(queue);
        var bobsOffer = _acd.OfferOf(Bob);
        _acd.Accept(Alice);

        var outputs = _acd.Post(new AgentAcceptedOffer(bobsOffer));

        Assert.Empty(outputs);
        Assert.Single(_acd.All<ConnectCall>());
        Assert.Equal(AgentActivity.Idle, _acd.Agent(Bob).Activity);
    }

    [Fact]
    public void Ring_all_adds_agents_who_become_available_while_it_rings()
    {
        var queue = _acd.Queue(QueueStrategy.RingAll, Alice, Bob);
        _acd.Ready(Alice);
        var call = _acd.Call(queue);

        _acd.Ready(Bob);

        Assert.Equal([Alice, Bob], _acd.Snapshot().WaitingCall(call)!.OfferedTo);
    }

    [Fact]
    public void Caller_hanging_up_while_ringing_cancels_the_offer_and_abandons_the_call()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Alice);
        var call = _acd.Call(queue);
        var offer = _acd.OfferOf(Alice);
        _acd.Advance(8);

        _acd.Post(new CallEnded(call));

        Assert.Equal(new CancelOffer(offer, call, Alice, OfferCancelReason.CallerHungUp), Assert.Single(_acd.All<CancelOffer>()));
        var abandoned = Assert.Single(_acd.All<CallAbandoned>());
        Assert.Equal((call, TimeSpan.FromSeconds(8)), (abandoned.CallId, abandoned.Waited));
        Assert.Null(_acd.Snapshot().WaitingCall(call));
        Assert.True(_acd.Agent(Alice).IsAvailable);
        Assert.Empty(_acd.Advance(60).OfType<OfferNotAnswered>());
    }

    [Fact]
    public void Caller_hanging_up_while_waiting_abandons_the_call_and_frees_its_place()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        var first = _acd.Call(queue);
        var second = _acd.Call(queue);

        _acd.Post(new CallEnded(first));

        Assert.Equal(CallOutcome.Abandoned, Assert.Single(_acd.All<CallLeftQueue>()).Outcome);
        Assert.Equal(1, _acd.Snapshot().WaitingCall(second)!.Position);
        Assert.Empty(_acd.All<LeaveQueue>());
    }

    [Fact]
    public void Call_reaching_the_maximum_wait_leaves_and_falls_through()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", MaxWaitSeconds = 60, Members = [new(Alice, 1, 0)] });
        var call = _acd.Call(queue);

        _acd.Advance(59);
        Assert.NotNull(_acd.Snapshot().WaitingCall(call));
        _acd.Advance(1);

        Assert.Equal(new LeaveQueue(call, CallOutcome.TimedOut), Assert.Single(_acd.All<LeaveQueue>()));
        Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single(_acd.All<CallTimedOut>()).Waited);
        Assert.Null(_acd.Snapshot().WaitingCall(call));
    }

    [Fact]
    public void Maximum_wait_of_the_scenario_action_overrides_the_queues()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", MaxWaitSeconds = 60, Members = [new(Alice, 1, 0)] });
        var patient = _acd.Call(queue, maxWaitSeconds: 0);
        var hurried = _acd.Call(queue, maxWaitSeconds: 10);

        _acd.Advance(3600);

        Assert.Equal(hurried, Assert.Single(_acd.All<CallTimedOut>()).CallId);
        Assert.NotNull(_acd.Snapshot().WaitingCall(patient));
    }

    [Fact]
    public void Call_timing_out_while_ringing_withdraws_the_offer()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", MaxWaitSeconds = 30, RingTimeoutSeconds = 60, Members = [new(Alice, 1, 0)] });
        _acd.Ready(Alice);
        var call = _acd.Call(queue);
        var offer = _acd.OfferOf(Alice);

        _acd.Advance(30);

        Assert.Equal(new CancelOffer(offer, call, Alice, OfferCancelReason.CallTimedOut), Assert.Single(_acd.All<CancelOffer>()));
        Assert.Single(_acd.All<CallTimedOut>());
        Assert.True(_acd.Agent(Alice).IsAvailable);
    }

    [Fact]
    public void A_call_its_queue_takes_is_told_to_wait_before_it_is_offered()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Alice);
        _acd.Outputs.Clear();

        var call = _acd.Call(queue);

        var commands = _acd.All<AcdCommand>().ToList();
        Assert.Equal(new WaitInQueue(call), commands[0]);
        Assert.IsType<OfferCall>(commands[1]);
    }

    [Fact]
    public void Full_queue_refuses_the_next_call_without_telling_it_to_wait()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", MaxWaitingCalls = 2, Members = [new(Alice, 1, 0)] });
        _acd.Call(queue);
        _acd.Call(queue);

        var third = _acd.Call(queue);

        Assert.Equal(new LeaveQueue(third, CallOutcome.RefusedQueueFull), Assert.Single(_acd.All<LeaveQueue>()));
        Assert.DoesNotContain(new WaitInQueue(third), _acd.All<WaitInQueue>());
        Assert.Equal(RefusalReason.QueueFull, Assert.Single(_acd.All<CallRefused>()).Reason);
        Assert.Equal(2, _acd.Snapshot().Queue(queue.Id)!.WaitingCalls.Count);
    }

    [Fact]
    public void Call_asking_for_a_ready_agent_is_refused_when_none_is()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Post(new SetAgentStatus(Alice, AgentStatus.Ready));
        var unreachableOnly = Guid.NewGuid();
        _acd.Post(new CallArrived(unreachableOnly, queue.Id, RefuseWhenNoReadyAgent: true));
        _acd.Post(new SetAgentReachable(Alice, true));
        var served = Guid.NewGuid();
        _acd.Post(new CallArrived(served, queue.Id, RefuseWhenNoReadyAgent: true));

        Assert.Equal(new LeaveQueue(unreachableOnly, CallOutcome.RefusedNoReadyAgent), Assert.Single(_acd.All<LeaveQueue>()));
        Assert.Equal(served, _acd.Agent(Alice).CallId);
    }

    [Fact]
    public void Call_for_an_unknown_queue_is_refused()
    {
        var call = Guid.NewGuid();

        _acd.Post(new CallArrived(call, Guid.NewGuid()));

        Assert.Equal(new LeaveQueue(call, CallOutcome.RefusedUnknownQueue), Assert.Single(_acd.All<LeaveQueue>()));
    }

    [Fact]
    public void Ring_timeout_that_fires_after_the_offer_was_answered_is_ignored()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Alice);
        _acd.Call(queue);
        var offer = _acd.OfferOf(Alice);
        _acd.Accept(Alice);

        Assert.Empty(_acd.Post(new RingTimeoutElapsed(offer)));
        Assert.Empty(_acd.Advance(20));
        Assert.Equal(AgentActivity.OnCall, _acd.Agent(Alice).Activity);
        Assert.Equal(0, _acd.Agent(Alice).UnansweredInARow);
    }

    [Fact]
    public void Maximum_wait_of_an_earlier_stay_does_not_end_a_later_stay_of_the_same_call()
    {
        var first = _acd.Configure(new DistributionQueue { Name = "First", MaxWaitSeconds = 60 });
        var second = _acd.Configure(new DistributionQueue { Name = "Second", MaxWaitSeconds = 300 });
        var call = _acd.Call(first);
        _acd.Advance(10);
        _acd.Post(new QueueRemoved(first.Id));
        _acd.Post(new CallArrived(call, second.Id));

        _acd.Advance(100);

        Assert.Empty(_acd.All<CallTimedOut>());
        Assert.Equal(second.Id, _acd.Snapshot().WaitingCall(call)!.QueueId);
    }

    [Fact]
    public void Pause_timer_of_an_earlier_pause_does_not_end_a_later_wrap_up()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", WrapUpSeconds = 60, Members = [new(Alice, 1, 0)] });
        _acd.Ready(Alice);
        var call = _acd.Call(queue);
        _acd.Refuse(Alice);
        var stalePause = _acd.All<ScheduleTimer>().Select(timer => timer.Input).OfType<AgentPauseElapsed>().Single();
        _acd.Advance(5);
        _acd.TakeCall(Alice, TimeSpan.FromSeconds(10));

        Assert.Empty(_acd.Post(stalePause));
        Assert.Equal(AgentActivity.WrapUp, _acd.Agent(Alice).Activity);
        Assert.Null(_acd.Snapshot().WaitingCall(call));
    }

    [Fact]
    public void Queue_settings_replaced_live_keep_waiting_calls_and_ringing_offers()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Alice, Bob);
        var ringing = _acd.Call(queue);
        var waiting = _acd.Call(queue);
        var offer = _acd.OfferOf(Alice);

        queue.RingTimeoutSeconds = 45;
        queue.Members.Add(new QueueMember(Bob, 1, 1));
        _acd.Post(new QueueConfigured(queue));

        Assert.Equal([ringing, waiting], _acd.Snapshot().Queue(queue.Id)!.WaitingCalls.Select(call => call.CallId));
        Assert.Equal(offer, _acd.OfferOf(Alice));
        var bobsOffer = _acd.All<OfferCall>().Last();
        Assert.Equal((waiting, Bob, TimeSpan.FromSeconds(45)), (bobsOffer.CallId, bobsOffer.AgentId, bobsOffer.RingTimeout));
    }

    [Fact]
    public void Editing_the_configuration_object_after_posting_changes_nothing_until_it_is_posted_again()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Bob);

        queue.Members.Add(new QueueMember(Bob, 1, 1));
        var call = _acd.Call(queue);

        Assert.Empty(_acd.Snapshot().WaitingCall(call)!.OfferedTo);
    }

    [Fact]
    public void Raising_a_queues_priority_live_reorders_its_calls_against_other_queues()
    {
        var sales = _acd.Configure(new DistributionQueue { Name = "Sales", Members = [new(Alice, 1, 0)] });
        var support = _acd.Configure(new DistributionQueue { Name = "Support", Members = [new(Alice, 1, 0)] });
        _acd.Call(sales);
        var supportCall = _acd.Call(support);

        support.Priority = 5;
        _acd.Post(new QueueConfigured(support));
        _acd.Ready(Alice);

        Assert.Equal(supportCall, _acd.Agent(Alice).CallId);
    }

    [Fact]
    public void Removing_a_queue_sends_its_waiting_calls_on_through_their_scenario()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Alice);
        var ringing = _acd.Call(queue);
        var waiting = _acd.Call(queue);
        var offer = _acd.OfferOf(Alice);

        _acd.Post(new QueueRemoved(queue.Id));

        Assert.Equal([new LeaveQueue(ringing, CallOutcome.QueueRemoved), new LeaveQueue(waiting, CallOutcome.QueueRemoved)], _acd.All<LeaveQueue>());
        Assert.Equal(new CancelOffer(offer, ringing, Alice, OfferCancelReason.QueueRemoved), Assert.Single(_acd.All<CancelOffer>()));
        Assert.Null(_acd.Snapshot().Queue(queue.Id));
    }

    [Fact]
    public void Agent_leaving_ready_while_ringing_loses_the_offer_to_the_next_agent()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        _acd.Ready(Alice, Bob);
        var call = _acd.Call(queue);

        _acd.Post(new SetAgentStatus(Alice, AgentStatus.BackSoon));

        Assert.Equal(OfferCancelReason.AgentNotReady, Assert.Single(_acd.All<CancelOffer>()).Reason);
        Assert.Equal(Bob, _acd.RingingAgent(call));
    }

    [Fact]
    public void Agent_whose_page_disconnects_while_ringing_loses_the_offer_without_a_missed_count()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        _acd.Ready(Alice, Bob);
        var call = _acd.Call(queue);

        _acd.Post(new SetAgentReachable(Alice, false));

        Assert.Equal(OfferCancelReason.AgentUnreachable, Assert.Single(_acd.All<CancelOffer>()).Reason);
        Assert.Equal(Bob, _acd.RingingAgent(call));
        Assert.Equal(0, _acd.Agent(Alice).UnansweredInARow);
    }

    [Fact]
    public void An_agent_on_a_call_the_ACD_did_not_give_is_offered_nothing_until_it_ends()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice);
        _acd.Ready(Alice);
        _acd.Post(new SetAgentBusyElsewhere(Alice, Busy: true));

        var call = _acd.Call(queue);
        var offeredWhileBusy = _acd.All<OfferCall>().Count();
        var snapshot = _acd.Agent(Alice);
        _acd.Post(new SetAgentBusyElsewhere(Alice, Busy: false));

        Assert.Equal(0, offeredWhileBusy);
        Assert.Equal((true, false), (snapshot.BusyElsewhere, snapshot.IsAvailable));
        Assert.Equal(Alice, _acd.RingingAgent(call));
    }

    [Fact]
    public void An_agent_who_takes_another_call_while_an_offer_rings_loses_the_offer_to_the_next_agent()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob);
        _acd.Ready(Alice, Bob);
        var call = _acd.Call(queue);

        _acd.Post(new SetAgentBusyElsewhere(Alice, Busy: true));

        Assert.Equal(OfferCancelReason.AgentNotReady, Assert.Single(_acd.All<CancelOffer>()).Reason);
        Assert.Equal(Bob, _acd.RingingAgent(call));
        Assert.Equal(0, _acd.Agent(Alice).UnansweredInARow);
    }

    [Fact]
    public void Waiting_calls_show_their_position_and_an_estimate_from_recent_answered_waits()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", WrapUpSeconds = 0, Members = [new(Alice, 1, 0)] });
        _acd.Call(queue);
        Assert.Null(Assert.Single(_acd.Snapshot().Queue(queue.Id)!.WaitingCalls).EstimatedWait);
        Assert.Null(_acd.Snapshot().Queue(queue.Id)!.EstimatedWaitOfNextCall);
        _acd.Advance(40);
        _acd.Ready(Alice);
        _acd.Accept(Alice);

        _acd.Call(queue, priority: 0);
        _acd.Call(queue, priority: 0);

        var waiting = _acd.Snapshot().Queue(queue.Id)!.WaitingCalls;
        Assert.Equal([1, 2], waiting.Select(call => call.Position));
        Assert.Equal([TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(80)], waiting.Select(call => call.EstimatedWait));
        Assert.Equal(TimeSpan.FromSeconds(120), _acd.Snapshot().Queue(queue.Id)!.EstimatedWaitOfNextCall);
    }

    [Fact]
    public void A_call_waiting_behind_an_agent_on_a_long_call_is_estimated_to_wait_for_the_rest_of_that_call()
    {
        // The queue's calls were answered after 3 s and took 40 s; Alice has now been on her second call for 60 s.
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", WrapUpSeconds = 0, Members = [new(Alice, 1, 0)] });
        _acd.Ready(Alice);
        var first = _acd.Call(queue);
        _acd.Advance(3);
        _acd.TakeCall(Alice, TimeSpan.FromSeconds(40));
        Assert.Null(_acd.Snapshot().WaitingCall(first));
        _acd.Call(queue);
        _acd.Advance(3);
        _acd.Accept(Alice);
        _acd.Advance(53);

        var waiting = _acd.Call(queue);
        _acd.Advance(7);

        // Alice's call outlasts every recent one: another usual handle time (40 s) is expected, on top of the 7 s waited.
        var estimate = _acd.Snapshot().WaitingCall(waiting)!;
        Assert.Equal((TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(47)), (estimate.Waited, estimate.EstimatedWait));
        Assert.Equal(TimeSpan.FromSeconds(80), _acd.Snapshot().Queue(queue.Id)!.EstimatedWaitOfNextCall);
        Assert.Equal(TimeSpan.FromSeconds(80), _acd.Core.Counters().Single().EstimatedWaitOfNextCall(_acd.Now));
    }

    [Fact]
    public void A_call_waiting_behind_an_agent_partway_through_a_usual_call_is_estimated_to_wait_for_what_is_left_of_it()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", WrapUpSeconds = 10, Members = [new(Alice, 1, 0)] });
        _acd.Ready(Alice);
        _acd.Call(queue);
        _acd.TakeCall(Alice, TimeSpan.FromSeconds(30));
        _acd.Advance(10);
        _acd.Call(queue);
        _acd.Accept(Alice);
        _acd.Advance(15);

        // A handle time is talk and wrap-up, 40 s; Alice is 15 s into hers.
        Assert.Equal(TimeSpan.FromSeconds(25), _acd.Snapshot().Queue(queue.Id)!.EstimatedWaitOfNextCall);
        Assert.Equal(TimeSpan.FromSeconds(25), _acd.Core.Counters().Single().EstimatedWaitOfNextCall(_acd.Now));
    }

    [Fact]
    public void A_call_joining_is_never_estimated_to_wait_less_than_a_call_ahead_of_it_has_already_waited()
    {
        var queue = _acd.Configure(new DistributionQueue { Name = "Sales", WrapUpSeconds = 0, Members = [new(Alice, 1, 0)] });
        _acd.Ready(Alice);
        _acd.Call(queue);
        _acd.Advance(3);
        _acd.Accept(Alice);

        _acd.Call(queue);
        _acd.Advance(100);

        // Recent answers came after 3 s, but the call ahead has waited 100 s and is still waiting.
        Assert.Equal(TimeSpan.FromSeconds(100), _acd.Snapshot().Queue(queue.Id)!.EstimatedWaitOfNextCall);
        Assert.Equal(TimeSpan.FromSeconds(100), _acd.Core.Counters().Single().EstimatedWaitOfNextCall(_acd.Now));
    }

    [Fact]
    public void Queue_snapshot_counts_ready_and_available_members()
    {
        var queue = _acd.Queue(QueueStrategy.TopDown, Alice, Bob, Carol);
        _acd.Ready(Alice, Bob);
        _acd.Call(queue);

        var snapshot = _acd.Snapshot().Queue(queue.Id)!;

        Assert.Equal((2, 1), (snapshot.ReadyAgents, snapshot.AvailableAgents));
    }

    [Fact]
    public void Same_inputs_at_the_same_times_give_the_same_decisions()
    {
        static List<AcdOutput> Run()
        {
            var acd = new AcdHarness(seed: 7);
            var queue = acd.Configure(new DistributionQueue
            {
                Id = new Guid(1, 2, 3, new byte[8]),
                Name = "Sales",
                Strategy = QueueStrategy.Random,
                Members = [new(Alice, 1, 0), new(Bob, 1, 1), new(Carol, 1, 2)],
            });
            acd.Ready(Alice, Bob, Carol);
            foreach (var callId in Enumerable.Range(1, 6).Select(index => new Guid(index, 0, 0, new byte[8])))
            {
                acd.Post(new CallArrived(callId, queue.Id));
                acd.Advance(7);
            }

            acd.Advance(600);
            return acd.Outputs;
        }

        Assert.Equal(Run(), Run());
    }
}
