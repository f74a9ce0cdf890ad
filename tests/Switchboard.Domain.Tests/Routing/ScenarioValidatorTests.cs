using Switchboard.Domain.Routing;
using Switchboard.Telephony;

namespace Switchboard.Domain.Tests.Routing;

public class ScenarioValidatorTests
{
    private static Guid Greeting { get; } = Guid.NewGuid();
    private static Guid Sales { get; } = Guid.NewGuid();
    private static Guid Alice { get; } = Guid.NewGuid();
    private static Guid Unknown { get; } = Guid.NewGuid();

    private static Guid ThisScenario { get; } = Guid.NewGuid();
    private static Guid AfterHours { get; } = Guid.NewGuid();

    private static ScenarioReferenceSet References(params Scenario[] others) =>
        new([Greeting], [Sales], [Alice], [new Scenario { Id = AfterHours, Name = "After hours", Actions = [new HangupAction()] }, .. others], new SipAddressSyntax());

    private static ValidationReport Validate(params ScenarioAction?[] actions) =>
        ScenarioValidator.Validate("Main line", actions, ThisScenario, References());

    private static (string Field, string Message) OnlyError(ValidationReport report)
    {
        var issue = Assert.Single(report.Issues);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        return (issue.Field, issue.Message);
    }

    private static ConditionAction When(ScenarioCondition condition) => new(condition, new HangupOutcome());

    private static ConditionAction Then(ConditionOutcome outcome) => new(new CallerNumberCondition("+1*"), outcome);

    [Fact]
    public void A_scenario_using_every_kind_of_action_well_has_no_issues()
    {
        var report = Validate(
            new SetVariableAction("campaign.source", "spring-2025"),
            new ConditionAction(new ScheduleCondition("Europe/Paris", [new WeeklyHours([DayOfWeek.Saturday, DayOfWeek.Sunday], new TimeOnly(0, 0), new TimeOnly(23, 59))]), new GoToScenarioOutcome(AfterHours)),
            new ConditionAction(new HolidayCondition("America/New_York", [new DateOnly(2025, 12, 25)]), new ForwardOutcome("sip:oncall@pbx.example.com:5070")),
            new ConditionAction(new CallerNumberCondition("+4420*"), new SkipToOutcome(5)),
            new ConditionAction(new VariableEqualsCondition("vip", "yes"), new ContinueOutcome()),
            new PlaySoundAction(Greeting, Repeat: 2),
            new ConditionAction(new NoReadyAgentsCondition(Sales), new ForwardOutcome("+1 415 555 0123")),
            new ConditionAction(new QueueLoadCondition(Sales, WaitingCallsAtLeast: 5, EstimatedWaitSecondsAtLeast: 120), new ForwardOutcome("+1 415 555 0199")),
            new QueueAction(Sales, Priority: 10, MaxWaitSeconds: 120),
            new CallUserAction(Alice, RingSeconds: 20),
            new ForwardAction("+442079460958"));

        Assert.Empty(report.Issues);
        Assert.False(report.HasErrors);
    }

    [Theory]
    [InlineData(null, "Enter a name")]
    [InlineData("  ", "Enter a name")]
    public void A_scenario_needs_a_name(string? name, string message)
    {
        var report = ScenarioValidator.Validate(name, [new HangupAction()], ThisScenario, References());

        Assert.Equal(("name", message), OnlyError(report));
        Assert.Null(report.Issues[0].ActionIndex);
    }

    [Fact]
    public void A_name_of_101_characters_is_too_long_and_100_is_fine()
    {
        Assert.Equal(
            ("name", "Too long: a name has at most 100 characters"),
            OnlyError(ScenarioValidator.Validate(new string('n', 101), [new HangupAction()], ThisScenario, References())));
        Assert.Empty(ScenarioValidator.Validate(new string('n', 100), [new HangupAction()], ThisScenario, References()).Issues);
    }

    [Fact]
    public void A_scenario_needs_at_least_one_action()
    {
        Assert.Equal(("actions", "Add at least one action"), OnlyError(Validate()));
    }

    [Fact]
    public void An_empty_action_asks_what_it_does()
    {
        var report = Validate(new HangupAction(), null);

        Assert.Contains(report.Errors, issue => issue is { ActionIndex: 1, Field: "actions[1]", Message: "Choose what this action does", Summary: "Action 2: choose what this action does" });
    }

    [Fact]
    public void Answer_then_hang_up_is_a_valid_scenario_and_nothing_after_a_hang_up_is_reached()
    {
        Assert.Empty(Validate(new AnswerAction(), new HangupAction()).Issues);
        Assert.Single(Validate(new HangupAction(), new AnswerAction()).Issues);
    }

    [Fact]
    public void Playing_an_unknown_sound_names_the_action_and_field()
    {
        var report = Validate(new PlaySoundAction(Greeting), new PlaySoundAction(Unknown));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new ValidationIssue(1, "actions[1].soundId", IssueSeverity.Error, "Sound not found") { Subject = "Action 2 (Play sound)" }, issue);
        Assert.Equal("Action 2 (Play sound): sound not found", issue.Summary);
    }

    [Fact]
    public void Playing_without_choosing_a_sound_asks_for_one()
    {
        Assert.Equal(("actions[0].soundId", "Choose a sound"), OnlyError(Validate(new PlaySoundAction(Guid.Empty))));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void A_sound_repeats_1_to_100_times(int repeat, bool valid)
    {
        var report = Validate(new PlaySoundAction(Greeting, repeat));

        Assert.Equal(valid, report.Issues.Count == 0);
        Assert.All(report.Issues, issue => Assert.Equal("actions[0].repeat", issue.Field));
    }

    [Fact]
    public void Queueing_to_an_unknown_queue_is_refused()
    {
        Assert.Equal(("actions[0].queueId", "Queue not found"), OnlyError(Validate(new QueueAction(Unknown))));
    }

    [Theory]
    [InlineData(-1, null, "actions[0].priority")]
    [InlineData(101, null, "actions[0].priority")]
    [InlineData(0, 0, "actions[0].maxWaitSeconds")]
    [InlineData(0, 86401, "actions[0].maxWaitSeconds")]
    public void Queue_priority_and_maximum_wait_stay_in_range(int priority, int? maxWaitSeconds, string field)
    {
        Assert.Equal(field, OnlyError(Validate(new QueueAction(Sales, priority, maxWaitSeconds))).Field);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(100, 1)]
    [InlineData(50, 86400)]
    public void Queue_settings_at_their_limits_are_fine(int priority, int? maxWaitSeconds)
    {
        Assert.Empty(Validate(new QueueAction(Sales, priority, maxWaitSeconds)).Issues);
    }

    [Fact]
    public void Calling_an_unknown_user_is_refused()
    {
        Assert.Equal(("actions[0].userId", "User not found"), OnlyError(Validate(new CallUserAction(Unknown))));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void A_user_rings_for_5_to_300_seconds(int ringSeconds, bool valid)
    {
        var report = Validate(new CallUserAction(Alice, ringSeconds));

        Assert.Equal(valid, !report.HasErrors);
        Assert.All(report.Issues, issue => Assert.Equal("actions[0].ringSeconds", issue.Field));
    }

    [Theory]
    [InlineData("+14155550123")]
    [InlineData("00 44 20 7946 0958")]
    [InlineData("tel:+14155550123")]
    [InlineData("sip:alice@example.com")]
    [InlineData("sips:alice@example.com:5061")]
    public void Forwarding_to_an_international_number_or_sip_address_is_fine(string destination)
    {
        Assert.Empty(Validate(new ForwardAction(destination)).Issues);
    }

    [Fact]
    public void Forwarding_to_a_national_number_asks_for_the_international_form()
    {
        Assert.Equal(
            ("actions[0].destination", "Enter the number in international form, e.g. +14155550123"),
            OnlyError(Validate(new ForwardAction("415 555 0123"))));
    }

    [Theory]
    [InlineData("sip:example.com")]
    [InlineData("sip:alice@exa mple.com")]
    public void Forwarding_to_a_malformed_sip_address_shows_the_expected_form(string destination)
    {
        var (field, message) = OnlyError(Validate(new ForwardAction(destination)));

        Assert.Equal("actions[0].destination", field);
        Assert.StartsWith("Enter a SIP address as sip:user@host", message);
    }

    [Fact]
    public void Forwarding_nowhere_asks_for_a_destination()
    {
        Assert.Equal("actions[0].destination", OnlyError(Validate(new ForwardAction(""))).Field);
    }

    [Theory]
    [InlineData("_x")]
    [InlineData("customer.id")]
    [InlineData("a-b_c.D9")]
    public void Variable_names_may_use_letters_digits_underscore_dot_and_dash(string name)
    {
        Assert.Empty(Validate(new SetVariableAction(name, "1")).Issues);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9lives")]
    [InlineData(".hidden")]
    [InlineData("has space")]
    [InlineData("naïve")]
    [InlineData("name\n")]
    public void Malformed_variable_names_are_refused(string name)
    {
        Assert.Equal("actions[0].name", OnlyError(Validate(new SetVariableAction(name, "1"))).Field);
    }

    [Fact]
    public void A_variable_name_has_at_most_64_characters()
    {
        Assert.Empty(Validate(new SetVariableAction(new string('v', 64), "1")).Issues);
        Assert.Equal("actions[0].name", OnlyError(Validate(new SetVariableAction(new string('v', 65), "1"))).Field);
    }

    [Fact]
    public void A_variable_value_has_at_most_1000_characters()
    {
        Assert.Empty(Validate(new SetVariableAction("note", new string('v', 1000))).Issues);
        Assert.Equal(
            ("actions[0].value", "Too long: a value has at most 1000 characters"),
            OnlyError(Validate(new SetVariableAction("note", new string('v', 1001)))));
    }

    [Fact]
    public void A_schedule_in_an_unknown_time_zone_is_refused()
    {
        var report = Validate(When(new ScheduleCondition("Mars/Olympus_Mons", [new WeeklyHours([DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(17, 0))])));

        Assert.Equal(
            ("actions[0].when.timeZone", "Unknown time zone 'Mars/Olympus_Mons': use a name such as Europe/Paris or America/New_York"),
            OnlyError(report));
    }

    [Fact]
    public void A_windows_time_zone_name_is_refused_as_not_portable()
    {
        var report = Validate(When(new HolidayCondition("Pacific Standard Time", [new DateOnly(2025, 7, 4)])));

        Assert.Equal("actions[0].when.timeZone", OnlyError(report).Field);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/Argentina/Buenos_Aires")]
    public void Iana_time_zones_are_accepted(string timeZone)
    {
        Assert.Empty(Validate(When(new HolidayCondition(timeZone, [new DateOnly(2025, 1, 1)]))).Issues);
    }

    [Fact]
    public void A_schedule_without_a_time_zone_asks_for_one()
    {
        var report = Validate(When(new ScheduleCondition("", [new WeeklyHours([DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(17, 0))])));

        Assert.Equal(("actions[0].when.timeZone", "Choose a time zone"), OnlyError(report));
    }

    [Fact]
    public void A_schedule_needs_hours()
    {
        Assert.Equal(
            ("actions[0].when.hours", "Add at least one range of hours"),
            OnlyError(Validate(When(new ScheduleCondition("Europe/Paris", [])))));
    }

    [Fact]
    public void Each_range_of_hours_needs_a_day_and_an_end_after_its_start()
    {
        var report = Validate(When(new ScheduleCondition("Europe/Paris",
        [
            new WeeklyHours([DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(17, 0)),
            new WeeklyHours([], new TimeOnly(9, 0), new TimeOnly(12, 0)),
            new WeeklyHours([DayOfWeek.Friday], new TimeOnly(14, 0), new TimeOnly(14, 0)),
            new WeeklyHours([(DayOfWeek)9], new TimeOnly(18, 0), new TimeOnly(8, 0)),
        ])));

        Assert.Equal(
            [
                ("actions[0].when.hours[1].days", "Choose at least one day"),
                ("actions[0].when.hours[2].to", "The end must be after the start"),
                ("actions[0].when.hours[3].days", "Choose days of the week"),
                ("actions[0].when.hours[3].to", "The end must be after the start"),
            ],
            report.Errors.Select(issue => (issue.Field, issue.Message)));
    }

    [Fact]
    public void A_holiday_needs_a_date_and_a_known_time_zone()
    {
        var report = Validate(When(new HolidayCondition("Nowhere/Land", [])));

        Assert.Equal(["actions[0].when.timeZone", "actions[0].when.dates"], report.Errors.Select(issue => issue.Field));
    }

    [Fact]
    public void A_malformed_caller_number_pattern_is_refused_with_its_reason()
    {
        var (field, message) = OnlyError(Validate(When(new CallerNumberCondition("+44*20"))));

        Assert.Equal("actions[0].when.pattern", field);
        Assert.StartsWith("'*' may only come last", message);
    }

    [Fact]
    public void A_no_ready_agents_test_on_an_unknown_queue_is_refused()
    {
        Assert.Equal(("actions[0].when.queueId", "Queue not found"), OnlyError(Validate(When(new NoReadyAgentsCondition(Unknown)))));
    }

    [Fact]
    public void A_queue_load_test_within_its_limits_has_no_issues()
    {
        Assert.Empty(Validate(When(new QueueLoadCondition(Sales, WaitingCallsAtLeast: 5, EstimatedWaitSecondsAtLeast: null))).Issues);
        Assert.Empty(Validate(When(new QueueLoadCondition(Sales, WaitingCallsAtLeast: null, EstimatedWaitSecondsAtLeast: 120))).Issues);
    }

    [Fact]
    public void A_queue_load_test_on_an_unknown_queue_is_refused()
    {
        var report = Validate(When(new QueueLoadCondition(Unknown, WaitingCallsAtLeast: 5, EstimatedWaitSecondsAtLeast: null)));

        Assert.Equal(("actions[0].when.queueId", "Queue not found"), OnlyError(report));
    }

    [Fact]
    public void A_queue_load_test_needs_at_least_one_threshold()
    {
        var report = Validate(When(new QueueLoadCondition(Sales, WaitingCallsAtLeast: null, EstimatedWaitSecondsAtLeast: null)));

        Assert.Equal(("actions[0].when.waitingCallsAtLeast", "Enter a number of waiting calls, an estimated wait, or both"), OnlyError(report));
    }

    [Fact]
    public void Queue_load_thresholds_below_one_are_refused_per_field()
    {
        var report = Validate(When(new QueueLoadCondition(Sales, WaitingCallsAtLeast: -1, EstimatedWaitSecondsAtLeast: 0)));

        Assert.Equal(
            [
                ("actions[0].when.waitingCallsAtLeast", "Waiting calls are from 1 to 10000"),
                ("actions[0].when.estimatedWaitSecondsAtLeast", "Estimated wait is 1 to 86400 seconds (24 hours)"),
            ],
            report.Errors.Select(issue => (issue.Field, issue.Message)));
    }

    [Fact]
    public void A_variable_test_needs_a_valid_name()
    {
        Assert.Equal("actions[0].when.name", OnlyError(Validate(When(new VariableEqualsCondition("1st", "x")))).Field);
    }

    [Fact]
    public void A_condition_needs_a_test_and_an_outcome()
    {
        var report = Validate(new ConditionAction(null!, null!));

        Assert.Equal(["actions[0].when", "actions[0].then"], report.Errors.Select(issue => issue.Field));
    }

    [Theory]
    [InlineData(0, "Skip to an action after this one")]
    [InlineData(1, "Skip to an action after this one")]
    [InlineData(3, "Skip to an action of this scenario: there is none that far")]
    public void Skipping_goes_forward_within_the_scenario(int target, string message)
    {
        var report = Validate(new PlaySoundAction(Greeting), Then(new SkipToOutcome(target)), new HangupAction());

        Assert.Equal(("actions[1].then.actionIndex", message), OnlyError(report));
    }

    [Fact]
    public void Forwarding_when_a_condition_holds_checks_the_destination()
    {
        Assert.Equal(
            ("actions[0].then.destination", "Enter the number in international form, e.g. +14155550123"),
            OnlyError(Validate(Then(new ForwardOutcome("0800 123 456")))));
    }

    [Fact]
    public void Going_to_an_unknown_scenario_is_refused()
    {
        Assert.Equal(("actions[0].then.scenarioId", "Scenario not found"), OnlyError(Validate(Then(new GoToScenarioOutcome(Unknown)))));
    }

    [Fact]
    public void A_scenario_cannot_go_to_itself()
    {
        Assert.Equal(
            ("actions[0].then.scenarioId", "A scenario cannot go to itself"),
            OnlyError(Validate(Then(new GoToScenarioOutcome(ThisScenario)))));
    }

    [Fact]
    public void A_scenario_being_saved_is_checked_under_its_own_id()
    {
        var scenario = new Scenario { Name = "Loop", Actions = [Then(new GoToScenarioOutcome(Guid.Empty))] };
        scenario.Actions[0] = Then(new GoToScenarioOutcome(scenario.Id));

        Assert.Equal(("actions[0].then.scenarioId", "A scenario cannot go to itself"), OnlyError(ScenarioValidator.Validate(scenario, References())));
    }

    [Fact]
    public void Going_to_a_scenario_that_comes_back_is_a_loop()
    {
        var overflow = new Scenario { Name = "Overflow", Actions = [Then(new GoToScenarioOutcome(ThisScenario)), new HangupAction()] };

        var report = ScenarioValidator.Validate(
            "Main line",
            [new PlaySoundAction(Greeting), Then(new GoToScenarioOutcome(overflow.Id)), new HangupAction()],
            ThisScenario,
            References(overflow));

        Assert.Equal(
            new ValidationIssue(1, "actions[1].then.scenarioId", IssueSeverity.Error, "Going to 'Overflow' loops back to this scenario") { Subject = "Action 2 (Condition)" },
            Assert.Single(report.Issues));
    }

    [Fact]
    public void A_loop_through_several_scenarios_is_found()
    {
        var third = new Scenario { Name = "Third", Actions = [Then(new GoToScenarioOutcome(ThisScenario))] };
        var second = new Scenario { Name = "Second", Actions = [Then(new GoToScenarioOutcome(AfterHours)), Then(new GoToScenarioOutcome(third.Id))] };

        var report = ScenarioValidator.Validate("Main line", [Then(new GoToScenarioOutcome(second.Id))], ThisScenario, References(second, third));

        Assert.Equal(("actions[0].then.scenarioId", "Going to 'Second' loops back to this scenario"), OnlyError(report));
    }

    [Fact]
    public void Going_to_scenarios_that_never_come_back_is_fine()
    {
        var second = new Scenario { Name = "Second", Actions = [Then(new GoToScenarioOutcome(AfterHours))] };

        var report = ScenarioValidator.Validate("Main line", [Then(new GoToScenarioOutcome(second.Id)), new HangupAction()], ThisScenario, References(second));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void A_loop_among_other_scenarios_does_not_stop_the_check()
    {
        var second = new Scenario { Id = Guid.NewGuid(), Name = "Second", Actions = [] };
        var third = new Scenario { Name = "Third", Actions = [Then(new GoToScenarioOutcome(second.Id))] };
        second.Actions.Add(Then(new GoToScenarioOutcome(third.Id)));

        var report = ScenarioValidator.Validate("Main line", [Then(new GoToScenarioOutcome(second.Id)), new HangupAction()], ThisScenario, References(second, third));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void A_new_scenario_cannot_close_a_loop()
    {
        var overflow = new Scenario { Name = "Overflow", Actions = [Then(new GoToScenarioOutcome(AfterHours))] };

        var report = ScenarioValidator.Validate("New line", [Then(new GoToScenarioOutcome(overflow.Id)), new HangupAction()], scenarioId: null, References(overflow));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void The_saved_version_of_this_scenario_does_not_count_towards_loops()
    {
        var overflow = new Scenario { Name = "Overflow", Actions = [Then(new GoToScenarioOutcome(AfterHours))] };
        var savedVersion = new Scenario { Id = ThisScenario, Name = "Main line", Actions = [Then(new GoToScenarioOutcome(overflow.Id))] };

        var report = ScenarioValidator.Validate("Main line", [Then(new GoToScenarioOutcome(overflow.Id)), new HangupAction()], ThisScenario, References(overflow, savedVersion));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Actions_after_a_hangup_are_unreachable_warnings()
    {
        var report = Validate(new PlaySoundAction(Greeting), new HangupAction(), new PlaySoundAction(Greeting), new QueueAction(Sales));

        Assert.False(report.HasErrors);
        Assert.Equal(
            [
                new ValidationIssue(2, "actions[2]", IssueSeverity.Warning, "Unreachable: the action before it never falls through") { Subject = "Action 3 (Play sound)" },
                new ValidationIssue(3, "actions[3]", IssueSeverity.Warning, "Unreachable: the action before it is never reached either") { Subject = "Action 4 (Send to queue)" },
            ],
            report.Issues);
    }

    [Fact]
    public void Actions_after_a_forward_are_unreachable()
    {
        var report = Validate(new ForwardAction("+14155550123"), new HangupAction());

        Assert.Equal([1], report.Warnings.Select(issue => issue.ActionIndex));
    }

    [Theory]
    [InlineData("hangup")]
    [InlineData("forward")]
    [InlineData("goTo")]
    public void A_condition_can_always_fall_through_whatever_its_outcome(string outcome)
    {
        ConditionOutcome then = outcome switch
        {
            "hangup" => new HangupOutcome(),
            "forward" => new ForwardOutcome("+14155550123"),
            _ => new GoToScenarioOutcome(AfterHours),
        };

        Assert.Empty(Validate(Then(then), new QueueAction(Sales), new HangupAction()).Issues);
    }

    [Fact]
    public void Skipping_over_a_hangup_keeps_the_actions_after_it_reachable()
    {
        var report = Validate(
            Then(new SkipToOutcome(3)),
            new HangupAction(),
            new PlaySoundAction(Greeting),
            new QueueAction(Sales),
            new HangupAction());

        Assert.Equal(
            new ValidationIssue(2, "actions[2]", IssueSeverity.Warning, "Unreachable: the action before it never falls through") { Subject = "Action 3 (Play sound)" },
            Assert.Single(report.Issues));
    }

    [Fact]
    public void A_skip_from_an_unreachable_condition_rescues_nothing()
    {
        var report = Validate(new HangupAction(), Then(new SkipToOutcome(2)), new PlaySoundAction(Greeting));

        Assert.Equal([1, 2], report.Warnings.Select(issue => issue.ActionIndex));
    }
}
