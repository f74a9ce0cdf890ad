using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Testing;

namespace Switchboard.Domain.Tests.Routing.Interpreter;

public class ScenarioInterpreterTests
{
    private static readonly Guid Greeting = Guid.NewGuid();
    private static readonly Guid Notice = Guid.NewGuid();
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid Support = Guid.NewGuid();
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();

    private readonly List<string> _log = [];
    private readonly RecordingCallControl _call;
    private readonly FakeQueues _queues;
    private readonly FakeScenarioSource _scenarios = new();
    private readonly FakeUserReadiness _users = new();
    private readonly ScenarioInterpreter _interpreter;

    public ScenarioInterpreterTests()
    {
        _queues = new FakeQueues(_log);
        _call = new RecordingCallControl(_log, _queues);
        _queues.Configured[Sales] = new RoutingQueue("Sales", PlaysMusicOnHold: true);
        _queues.Configured[Support] = new RoutingQueue("Support", PlaysMusicOnHold: false);
        // Monday 2 March 2026, 10:00 in London.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        _interpreter = new ScenarioInterpreter(_scenarios, _queues, _users, new ConditionEvaluator(time, _queues));
    }

    private static IncomingCall Call(string? callerNumber = "+442079460958", Dictionary<string, string>? headers = null) =>
        new(Guid.NewGuid(), "+14155550123", callerNumber, "Jane Doe", headers ?? []);

    private static Scenario ScenarioOf(string name, params ScenarioAction[] actions) => new() { Name = name, Actions = [.. actions] };

    private Task<ScenarioRunResult> RunAsync(params ScenarioAction[] actions) =>
        _interpreter.RunAsync(Call(), _call, ScenarioOf("Main line", actions), CancellationToken.None);

    private static ConditionAction Always(ConditionOutcome then) => new(new CallerNumberCondition("*"), then);

    private static ConditionAction Never(ConditionOutcome then) => new(new CallerNumberCondition("*") { Negate = true }, then);

    [Fact]
    public async Task A_greeting_answers_the_call_and_running_off_the_end_hangs_up()
    {
        var result = await RunAsync(new PlaySoundAction(Greeting, Repeat: 2));

        Assert.Equal(["answer", $"play {Greeting} x2", "hangup EndOfScenario"], _log);
        Assert.Equal(new HungUp(HangupReason.EndOfScenario), result.Outcome);
    }

    [Fact]
    public async Task The_call_is_answered_once_however_many_sounds_play()
    {
        await RunAsync(new PlaySoundAction(Greeting), new PlaySoundAction(Notice), new HangupAction());

        Assert.Equal(["answer", $"play {Greeting} x1", $"play {Notice} x1", "hangup ByScenario"], _log);
    }

    [Fact]
    public async Task Answer_then_hangup_answers_the_call_plays_nothing_and_hangs_up()
    {
        var result = await RunAsync(new AnswerAction(), new AnswerAction(), new PlaySoundAction(Greeting), new HangupAction());

        Assert.Equal(["answer", $"play {Greeting} x1", "hangup ByScenario"], _log);
        Assert.Equal(new HungUp(HangupReason.ByScenario), result.Outcome);
    }

    [Fact]
    public async Task A_scenario_that_only_forwards_never_answers()
    {
        var result = await RunAsync(new SetVariableAction("route", "night"), new ForwardAction("+44 20 7946 0958"));

        Assert.Equal(["forward +442079460958"], _log);
        Assert.Equal(new Forwarded("+442079460958"), result.Outcome);
    }

    [Fact]
    public async Task A_forward_that_fails_falls_through_to_the_next_action()
    {
        _call.FailingForwards.Add("+442079460958");

        var result = await RunAsync(new ForwardAction("+442079460958"), new PlaySoundAction(Greeting), new HangupAction());

        Assert.Equal(["forward +442079460958", "answer", $"play {Greeting} x1", "hangup ByScenario"], _log);
        Assert.Equal(new HungUp(HangupReason.ByScenario), result.Outcome);
    }

    [Fact]
    public async Task A_conditions_forward_that_fails_falls_through_to_the_action_after_the_condition()
    {
        _call.FailingForwards.Add("sip:night@example.com");

        var result = await RunAsync(Always(new ForwardOutcome("sip:night@example.com")), new QueueAction(Support));

        Assert.Equal(["forward sip:night@example.com", "queue Support priority 0 max wait of the queue", "hangup EndOfScenario"], _log);
        Assert.Equal(new HungUp(HangupReason.EndOfScenario), result.Outcome);
    }

    [Fact]
    public async Task Forwarding_to_a_sip_address_passes_it_on()
    {
        var result = await RunAsync(new ForwardAction(" sip:alice@pbx.example.com:5070 "));

        Assert.Equal(["forward sip:alice@pbx.example.com:5070"], _log);
        Assert.Equal(new Forwarded("sip:alice@pbx.example.com:5070"), result.Outcome);
    }

    [Fact]
    public async Task A_hangup_ends_the_scenario_without_answering_and_nothing_after_it_runs()
    {
        var result = await RunAsync(new HangupAction(), new PlaySoundAction(Greeting));

        Assert.Equal(["hangup ByScenario"], _log);
        Assert.Equal(new HungUp(HangupReason.ByScenario), result.Outcome);
    }

    [Fact]
    public async Task A_queue_with_music_on_hold_waits_with_music_and_an_agents_answer_ends_the_run()
    {
        _queues.Results[Sales] = new AnsweredInQueue(Alice, TimeSpan.FromSeconds(42));

        var result = await RunAsync(new QueueAction(Sales, Priority: 5, MaxWaitSeconds: 60), new ForwardAction("+442079460958"));

        Assert.Equal(["queue Sales priority 5 max wait 60 with music"], _log);
        Assert.Equal(new AnsweredFromQueue(Sales, Alice), result.Outcome);
        Assert.True(result.Variables.TryGetValue("queueWaitSeconds", out var waited));
        Assert.Equal("42", waited);
    }

    [Fact]
    public async Task A_queue_without_music_on_hold_leaves_the_call_unanswered_while_it_waits()
    {
        _queues.Results[Support] = new AnsweredInQueue(Bob, TimeSpan.FromSeconds(3));

        var result = await RunAsync(new QueueAction(Support));

        Assert.Equal(["queue Support priority 0 max wait of the queue"], _log);
        Assert.Equal(new AnsweredFromQueue(Support, Bob), result.Outcome);
    }

    [Fact]
    public async Task A_queue_that_times_out_falls_through_to_the_next_action()
    {
        _queues.Results[Sales] = new LeftQueueUnanswered(QueueLeaveReason.TimedOut, TimeSpan.FromSeconds(300));

        var result = await RunAsync(new QueueAction(Sales, MaxWaitSeconds: 300), new PlaySoundAction(Notice), new ForwardAction("+442079460958"));

        Assert.Equal(["queue Sales priority 0 max wait 300 with music", "answer", $"play {Notice} x1", "forward +442079460958"], _log);
        Assert.Equal(new Forwarded("+442079460958"), result.Outcome);
        Assert.True(result.Variables.TryGetValue("queueWaitSeconds", out var waited));
        Assert.Equal("300", waited);
    }

    [Theory]
    [InlineData(QueueLeaveReason.QueueFull)]
    [InlineData(QueueLeaveReason.NoReadyAgent)]
    [InlineData(QueueLeaveReason.UnknownQueue)]
    [InlineData(QueueLeaveReason.QueueRemoved)]
    public async Task A_call_the_queue_will_not_keep_falls_through_to_the_next_queue(QueueLeaveReason reason)
    {
        _queues.Results[Support] = new LeftQueueUnanswered(reason, TimeSpan.Zero);
        _queues.Results[Sales] = new AnsweredInQueue(Alice, TimeSpan.FromSeconds(8));

        var result = await RunAsync(new QueueAction(Support), new QueueAction(Sales));

        Assert.Equal(["queue Support priority 0 max wait of the queue", "queue Sales priority 0 max wait of the queue with music"], _log);
        Assert.Equal(new AnsweredFromQueue(Sales, Alice), result.Outcome);
    }

    [Fact]
    public async Task A_queue_deleted_since_the_scenario_was_saved_is_passed_over()
    {
        var result = await RunAsync(new QueueAction(Guid.NewGuid()), new HangupAction());

        Assert.Equal(["hangup ByScenario"], _log);
        Assert.Equal(new HungUp(HangupReason.ByScenario), result.Outcome);
    }

    [Fact]
    public async Task The_agent_offered_the_call_sees_the_queue_name_and_the_variables_set_before()
    {
        await RunAsync(new SetVariableAction("language", "fr"), new QueueAction(Sales));

        var shown = Assert.Single(_queues.VariablesShownToAgents);
        Assert.Contains(new CallVariable("language", "fr"), shown);
        Assert.Contains(new CallVariable("queueName", "Sales"), shown);
        Assert.Contains(new CallVariable("scenarioName", "Main line"), shown);
    }

    [Fact]
    public async Task A_user_who_is_not_ready_is_not_rung_and_the_call_falls_through()
    {
        _users.NotReady.Add(Alice);

        var result = await RunAsync(new CallUserAction(Alice, RingSeconds: 15), new QueueAction(Support));

        Assert.Equal(["queue Support priority 0 max wait of the queue", "hangup EndOfScenario"], _log);
        Assert.Equal(new HungUp(HangupReason.EndOfScenario), result.Outcome);
    }

    [Fact]
    public async Task A_call_user_action_that_says_so_rings_a_user_who_is_not_ready()
    {
        _users.NotReady.Add(Alice);
        _call.UserAnswers[Alice] = CallUserResult.Answered;

        var result = await RunAsync(new CallUserAction(Alice, RingSeconds: 15, RingWhenNotReady: true));

        Assert.Equal([$"call user {Alice} for 15s"], _log);
        Assert.Equal(new AnsweredByUser(Alice), result.Outcome);
    }

    [Fact]
    public async Task A_user_who_answers_takes_the_call_out_of_the_scenario()
    {
        _call.UserAnswers[Alice] = CallUserResult.Answered;

        var result = await RunAsync(new CallUserAction(Alice, RingSeconds: 20), new HangupAction());

        Assert.Equal([$"call user {Alice} for 20s"], _log);
        Assert.Equal(new AnsweredByUser(Alice), result.Outcome);
        Assert.Contains(new CallVariable("callerNumber", "+442079460958"), Assert.Single(_call.VariablesShownToUsers));
    }

    [Theory]
    [InlineData(CallUserResult.NoAnswer)]
    [InlineData(CallUserResult.Refused)]
    [InlineData(CallUserResult.Unavailable)]
    public async Task A_user_who_does_not_take_the_call_lets_it_fall_through(CallUserResult answer)
    {
        _call.UserAnswers[Alice] = answer;
        _call.UserAnswers[Bob] = CallUserResult.Answered;

        var result = await RunAsync(new CallUserAction(Alice), new CallUserAction(Bob));

        Assert.Equal([$"call user {Alice} for 30s", $"call user {Bob} for 30s"], _log);
        Assert.Equal(new AnsweredByUser(Bob), result.Outcome);
    }

    [Fact]
    public async Task A_condition_that_does_not_hold_carries_on_with_the_next_action()
    {
        var result = await RunAsync(Never(new HangupOutcome()), new ForwardAction("+442079460958"));

        Assert.Equal(new Forwarded("+442079460958"), result.Outcome);
    }

    [Fact]
    public async Task A_condition_that_holds_with_continue_carries_on_with_the_next_action()
    {
        var result = await RunAsync(Always(new ContinueOutcome()), new ForwardAction("+442079460958"));

        Assert.Equal(new Forwarded("+442079460958"), result.Outcome);
    }

    [Fact]
    public async Task A_condition_can_hang_up()
    {
        var result = await RunAsync(Always(new HangupOutcome()), new ForwardAction("+442079460958"));

        Assert.Equal(["hangup ByScenario"], _log);
        Assert.Equal(new HungUp(HangupReason.ByScenario), result.Outcome);
    }

    [Fact]
    public async Task A_condition_can_forward_without_answering()
    {
        var result = await RunAsync(Always(new ForwardOutcome("sip:night@example.com")), new PlaySoundAction(Greeting));

        Assert.Equal(["forward sip:night@example.com"], _log);
        Assert.Equal(new Forwarded("sip:night@example.com"), result.Outcome);
    }

    [Fact]
    public async Task Skip_to_jumps_over_the_actions_between()
    {
        var result = await RunAsync(
            Always(new SkipToOutcome(3)),
            new PlaySoundAction(Greeting),
            new HangupAction(),
            new PlaySoundAction(Notice));

        Assert.Equal(["answer", $"play {Notice} x1", "hangup EndOfScenario"], _log);
        Assert.Equal(new HungUp(HangupReason.EndOfScenario), result.Outcome);
    }

    [Fact]
    public async Task Going_to_another_scenario_starts_it_from_the_first_action_and_keeps_the_variables()
    {
        var afterHours = ScenarioOf(
            "After hours",
            new ConditionAction(new VariableEqualsCondition("vip", "yes"), new ForwardOutcome("+442079460958")),
            new HangupAction());
        _scenarios.Save(afterHours);

        var result = await RunAsync(
            new SetVariableAction("vip", "yes"),
            Always(new GoToScenarioOutcome(afterHours.Id)),
            new PlaySoundAction(Greeting));

        Assert.Equal(["forward +442079460958"], _log);
        Assert.Equal(new Forwarded("+442079460958"), result.Outcome);
        Assert.True(result.Variables.TryGetValue("scenarioName", out var scenarioName));
        Assert.Equal("After hours", scenarioName);
    }

    [Fact]
    public async Task Going_to_a_scenario_deleted_under_the_call_hangs_up_with_that_reason()
    {
        var result = await RunAsync(Always(new GoToScenarioOutcome(Guid.NewGuid())), new PlaySoundAction(Greeting));

        Assert.Equal(["hangup ScenarioNotFound"], _log);
        Assert.Equal(new HungUp(HangupReason.ScenarioNotFound), result.Outcome);
    }

    [Fact]
    public async Task Scenarios_that_go_to_each_other_endlessly_are_stopped_with_a_hang_up()
    {
        // Saved around the validator, which refuses loops.
        var first = ScenarioOf("Ping");
        var second = ScenarioOf("Pong", Always(new GoToScenarioOutcome(first.Id)));
        first.Actions.Add(Always(new GoToScenarioOutcome(second.Id)));
        _scenarios.Save(first);
        _scenarios.Save(second);

        var result = await _interpreter.RunAsync(Call(), _call, first, CancellationToken.None);

        Assert.Equal(["hangup TooManyScenarioJumps"], _log);
        Assert.Equal(new HungUp(HangupReason.TooManyScenarioJumps), result.Outcome);
        Assert.Equal(ScenarioInterpreter.MaxScenarioJumps, _scenarios.Lookups);
    }

    [Fact]
    public async Task A_skip_backwards_that_loops_is_stopped_with_a_hang_up()
    {
        var result = await RunAsync(new PlaySoundAction(Greeting), Always(new SkipToOutcome(0)));

        Assert.Equal(ScenarioInterpreter.MaxScenarioJumps + 1, _log.Count(entry => entry == $"play {Greeting} x1"));
        Assert.Equal("hangup TooManyScenarioJumps", _log[^1]);
        Assert.Equal(new HungUp(HangupReason.TooManyScenarioJumps), result.Outcome);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_during_a_sound_ends_the_run_and_nothing_else_is_done()
    {
        _call.EndlessSoundId = Greeting;
        using var callerHangup = new CancellationTokenSource();

        var run = _interpreter.RunAsync(Call(), _call, ScenarioOf("Main line", new PlaySoundAction(Greeting), new QueueAction(Sales)), callerHangup.Token);
        await _call.EndlessSoundStarted;
        await callerHangup.CancelAsync();
        var result = await run;

        Assert.Equal(new CallerHungUp(), result.Outcome);
        Assert.Equal(["answer", $"play {Greeting} x1"], _log);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_waiting_in_a_queue_ends_the_run()
    {
        _queues.EndlessQueueId = Sales;
        using var callerHangup = new CancellationTokenSource();

        var run = _interpreter.RunAsync(Call(), _call, ScenarioOf("Main line", new QueueAction(Sales), new HangupAction()), callerHangup.Token);
        await callerHangup.CancelAsync();
        var result = await run;

        Assert.Equal(new CallerHungUp(), result.Outcome);
        Assert.Equal(["queue Sales priority 0 max wait of the queue with music"], _log);
    }

    [Fact]
    public async Task The_agent_side_sees_the_inbound_x_headers_under_their_own_names()
    {
        var headers = new Dictionary<string, string> { ["X-Customer-Id"] = "C-1042", ["Subject"] = "Order" };

        var result = await _interpreter.RunAsync(Call(headers: headers), _call, ScenarioOf("Main line", new SetVariableAction("topic", "billing")), CancellationToken.None);

        Assert.Equal(
            [
                new CallVariable("dialledNumber", "+14155550123"),
                new CallVariable("callerNumber", "+442079460958"),
                new CallVariable("callerName", "Jane Doe"),
                new CallVariable("X-Customer-Id", "C-1042"),
                new CallVariable("scenarioName", "Main line"),
                new CallVariable("topic", "billing"),
            ],
            result.Variables.Snapshot());
    }
}
