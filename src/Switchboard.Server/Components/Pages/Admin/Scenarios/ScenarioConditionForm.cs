using System.Globalization;
using Switchboard.Domain.Routing;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Server.Components.Pages.Admin.Scenarios;

/// <summary>The condition of a condition action in the editor; only the fields of its kind are used.</summary>
public sealed class ScenarioConditionForm
{
    public ScenarioConditionKind Kind { get; set; }

    public bool Negate { get; set; }

    public string? TimeZone { get; set; }

    public List<WeeklyHoursForm> Hours { get; set; } = [];

    public List<string?> Dates { get; set; } = [];

    public string? Pattern { get; set; }

    public string? QueueId { get; set; }

    public string? WaitingCallsAtLeast { get; set; }

    public string? EstimatedWaitSecondsAtLeast { get; set; }

    public string? VariableName { get; set; }

    public string? VariableValue { get; set; }

    public static ScenarioConditionForm New(ScenarioConditionKind kind, string timeZone) => new()
    {
        Kind = kind,
        TimeZone = timeZone,
        Hours = [WeeklyHoursForm.WorkingWeek()],
        Dates = [null],
    };

    public static ScenarioConditionForm From(ScenarioCondition condition) => condition switch
    {
        ScheduleCondition schedule => new()
        {
            Kind = ScenarioConditionKind.Schedule,
            Negate = schedule.Negate,
            TimeZone = schedule.TimeZone,
            Hours = [.. schedule.Hours.Select(WeeklyHoursForm.Of)],
        },
        HolidayCondition holiday => new()
        {
            Kind = ScenarioConditionKind.Holiday,
            Negate = holiday.Negate,
            TimeZone = holiday.TimeZone,
            Dates = [.. holiday.Dates.Select(date => (string?)date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
        },
        CallerNumberCondition caller => new() { Kind = ScenarioConditionKind.CallerNumber, Negate = caller.Negate, Pattern = caller.Pattern },
        NoReadyAgentsCondition queue => new() { Kind = ScenarioConditionKind.NoReadyAgents, Negate = queue.Negate, QueueId = PostedValue.Of(queue.QueueId) },
        QueueLoadCondition load => new()
        {
            Kind = ScenarioConditionKind.QueueLoad,
            Negate = load.Negate,
            QueueId = PostedValue.Of(load.QueueId),
            WaitingCallsAtLeast = PostedValue.Of(load.WaitingCallsAtLeast),
            EstimatedWaitSecondsAtLeast = PostedValue.Of(load.EstimatedWaitSecondsAtLeast),
        },
        VariableEqualsCondition variable => new()
        {
            Kind = ScenarioConditionKind.VariableEquals,
            Negate = variable.Negate,
            VariableName = variable.Name,
            VariableValue = variable.Value,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType().Name, "Unknown condition."),
    };

    public ScenarioCondition ToCondition()
    {
        ScenarioCondition condition = Kind switch
        {
            ScenarioConditionKind.Schedule => new ScheduleCondition(TimeZone ?? "", [.. Hours.Select(hours => hours.ToHours())]),
            ScenarioConditionKind.Holiday => new HolidayCondition(TimeZone ?? "", [.. Dates.Select(ParseDate).OfType<DateOnly>()]),
            ScenarioConditionKind.CallerNumber => new CallerNumberCondition(Pattern ?? ""),
            ScenarioConditionKind.NoReadyAgents => new NoReadyAgentsCondition(PostedValue.IdOrEmpty(QueueId)),
            ScenarioConditionKind.QueueLoad => new QueueLoadCondition(
                PostedValue.IdOrEmpty(QueueId),
                Threshold(WaitingCallsAtLeast),
                Threshold(EstimatedWaitSecondsAtLeast)),
            _ => new VariableEqualsCondition(VariableName ?? "", VariableValue ?? ""),
        };
        return condition with { Negate = Negate };
    }

    // Empty means "no such threshold"; anything else that is not a number is sent on as invalid so the
    // validator names the field instead of silently dropping it.
    private static int? Threshold(string? posted) =>
        string.IsNullOrWhiteSpace(posted) ? null : PostedValue.NumberOrInvalid(posted);

    private static DateOnly? ParseDate(string? posted) =>
        DateOnly.TryParseExact(posted, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
