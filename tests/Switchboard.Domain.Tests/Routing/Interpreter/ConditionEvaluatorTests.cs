using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Testing;

namespace Switchboard.Domain.Tests.Routing.Interpreter;

public class ConditionEvaluatorTests
{
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();
    private static readonly Guid Sales = Guid.NewGuid();

    private readonly FakeQueues _queues = new([]);
    private readonly CallVariables _variables = new();

    private bool Holds(ScenarioCondition condition, string utcNow, string? callerNumber = "+442079460958")
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        return new ConditionEvaluator(time, _queues).Holds(condition, callerNumber, _variables);
    }

    private static ScheduleCondition OfficeHours(string timeZone, params DayOfWeek[] days) =>
        new(timeZone, [new WeeklyHours(days.Length == 0 ? EveryDay : days, new TimeOnly(9, 0), new TimeOnly(17, 0))]);

    [Theory]
    // Saturday before the clocks go forward: London is on GMT, 09:00 local is 09:00 UTC.
    [InlineData("2026-03-28T08:59:00Z", false)]
    [InlineData("2026-03-28T09:00:00Z", true)]
    // Sunday the clocks went forward at 01:00 UTC: London is on BST, 09:00 local is 08:00 UTC.
    [InlineData("2026-03-29T07:59:00Z", false)]
    [InlineData("2026-03-29T08:00:00Z", true)]
    [InlineData("2026-03-29T15:59:00Z", true)]
    [InlineData("2026-03-29T16:00:00Z", false)]
    // Saturday before the clocks go back: still BST.
    [InlineData("2026-10-24T07:59:00Z", false)]
    [InlineData("2026-10-24T08:00:00Z", true)]
    // Sunday the clocks went back at 01:00 UTC: GMT again.
    [InlineData("2026-10-25T08:30:00Z", false)]
    [InlineData("2026-10-25T09:00:00Z", true)]
    [InlineData("2026-10-25T16:59:00Z", true)]
    [InlineData("2026-10-25T17:00:00Z", false)]
    public void Office_hours_follow_the_local_clock_across_daylight_saving_changes(string utcNow, bool open)
    {
        Assert.Equal(open, Holds(OfficeHours("Europe/London"), utcNow));
    }

    [Fact]
    public void The_day_of_the_week_is_the_local_one()
    {
        // Sunday 20:00 UTC is Monday 09:00 in Auckland (NZDT, UTC+13).
        Assert.True(Holds(OfficeHours("Pacific/Auckland", DayOfWeek.Monday), "2026-03-01T20:00:00Z"));
        Assert.False(Holds(OfficeHours("Pacific/Auckland", DayOfWeek.Sunday), "2026-03-01T20:00:00Z"));
    }

    [Fact]
    public void A_negated_schedule_holds_outside_the_hours()
    {
        var closed = OfficeHours("Europe/London") with { Negate = true };

        Assert.True(Holds(closed, "2026-03-28T08:59:00Z"));
        Assert.False(Holds(closed, "2026-03-28T09:00:00Z"));
    }

    [Theory]
    // 05:00 UTC on the 26th is still 21:00 on Christmas Day in Los Angeles.
    [InlineData("America/Los_Angeles", "2026-12-26T05:00:00Z", true)]
    // 06:00 UTC on the 25th is 22:00 on Christmas Eve there.
    [InlineData("America/Los_Angeles", "2026-12-25T06:00:00Z", false)]
    // 12:00 UTC on the 24th is already 01:00 on Christmas Day in Auckland.
    [InlineData("Pacific/Auckland", "2026-12-24T12:00:00Z", true)]
    [InlineData("Pacific/Auckland", "2026-12-25T11:00:00Z", false)]
    public void A_holiday_is_the_local_date_in_its_time_zone(string timeZone, string utcNow, bool holiday)
    {
        var christmas = new HolidayCondition(timeZone, [new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 25)]);

        Assert.Equal(holiday, Holds(christmas, utcNow));
    }

    [Fact]
    public void A_time_zone_this_server_does_not_know_is_outside_every_schedule_and_holiday()
    {
        Assert.False(Holds(OfficeHours("Mars/Olympus_Mons"), "2026-03-28T12:00:00Z"));
        Assert.False(Holds(new HolidayCondition("Mars/Olympus_Mons", [new DateOnly(2026, 3, 28)]), "2026-03-28T12:00:00Z"));
    }

    [Theory]
    [InlineData("+4420*", "+442079460958", true)]
    [InlineData("+4420*", "+441619460958", false)]
    [InlineData("+1415555XXXX", "+14155550123", true)]
    [InlineData("+1415555XXXX", "+141555501234", false)]
    [InlineData("*", null, false)]
    public void Caller_number_conditions_match_the_callers_number_against_the_pattern(string pattern, string? callerNumber, bool holds)
    {
        Assert.Equal(holds, Holds(new CallerNumberCondition(pattern), "2026-03-28T12:00:00Z", callerNumber));
    }

    [Fact]
    public void A_negated_caller_pattern_holds_for_other_callers()
    {
        Assert.True(Holds(new CallerNumberCondition("+1*") { Negate = true }, "2026-03-28T12:00:00Z", "+442079460958"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, false)]
    public void No_ready_agents_holds_only_when_none_of_the_queue_is_ready(int ready, bool holds)
    {
        _queues.ReadyAgents[Sales] = ready;

        Assert.Equal(holds, Holds(new NoReadyAgentsCondition(Sales), "2026-03-28T12:00:00Z"));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void Queue_load_holds_from_the_given_number_of_waiting_calls(int waiting, bool holds)
    {
        _queues.WaitingCalls[Sales] = waiting;

        Assert.Equal(holds, Holds(new QueueLoadCondition(Sales, WaitingCallsAtLeast: 5, EstimatedWaitSecondsAtLeast: null), "2026-03-28T12:00:00Z"));
    }

    [Theory]
    [InlineData(119, false)]
    [InlineData(120, true)]
    public void Queue_load_holds_from_the_given_estimated_wait(int estimateSeconds, bool holds)
    {
        _queues.EstimatedWaits[Sales] = TimeSpan.FromSeconds(estimateSeconds);

        Assert.Equal(holds, Holds(new QueueLoadCondition(Sales, WaitingCallsAtLeast: null, EstimatedWaitSecondsAtLeast: 120), "2026-03-28T12:00:00Z"));
    }

    [Fact]
    public void A_queue_with_nothing_to_estimate_from_has_not_reached_the_wait_threshold()
    {
        _queues.WaitingCalls[Sales] = 3;

        Assert.False(Holds(new QueueLoadCondition(Sales, WaitingCallsAtLeast: null, EstimatedWaitSecondsAtLeast: 1), "2026-03-28T12:00:00Z"));
    }

    [Fact]
    public void Queue_load_holds_when_either_threshold_is_reached()
    {
        var busy = new QueueLoadCondition(Sales, WaitingCallsAtLeast: 5, EstimatedWaitSecondsAtLeast: 120);
        _queues.WaitingCalls[Sales] = 1;
        _queues.EstimatedWaits[Sales] = TimeSpan.FromMinutes(3);
        Assert.True(Holds(busy, "2026-03-28T12:00:00Z"));

        _queues.WaitingCalls[Sales] = 5;
        _queues.EstimatedWaits[Sales] = TimeSpan.FromSeconds(30);
        Assert.True(Holds(busy, "2026-03-28T12:00:00Z"));

        _queues.WaitingCalls[Sales] = 4;
        Assert.False(Holds(busy, "2026-03-28T12:00:00Z"));
    }

    [Fact]
    public void A_negated_queue_load_holds_while_the_queue_is_below_its_thresholds()
    {
        var notBusy = new QueueLoadCondition(Sales, WaitingCallsAtLeast: 5, EstimatedWaitSecondsAtLeast: 120) { Negate = true };
        _queues.WaitingCalls[Sales] = 4;
        Assert.True(Holds(notBusy, "2026-03-28T12:00:00Z"));

        _queues.WaitingCalls[Sales] = 5;
        Assert.False(Holds(notBusy, "2026-03-28T12:00:00Z"));
    }

    [Theory]
    [InlineData("language", "fr", true)]
    [InlineData("language", "FR", false)]
    [InlineData("Language", "fr", false)]
    [InlineData("country", "fr", false)]
    public void Variable_equals_compares_name_and_value_exactly(string name, string value, bool holds)
    {
        _variables.Set("language", "fr");

        Assert.Equal(holds, Holds(new VariableEqualsCondition(name, value), "2026-03-28T12:00:00Z"));
    }
}
