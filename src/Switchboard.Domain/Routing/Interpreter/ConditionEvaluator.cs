using System.Diagnostics;

namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>
/// Tests a scenario condition for one call, now. Schedules and holidays are read in the condition's own time
/// zone, converted from UTC, so a rule written as "09:00" means 09:00 on the local clock in summer and in winter.
/// A zone this server does not know (saved on another) counts as outside every schedule and holiday.
/// </summary>
public sealed class ConditionEvaluator(TimeProvider time, IQueueState queueState)
{
    /// <summary>Whether the condition holds, <see cref="ScenarioCondition.Negate"/> applied.</summary>
    public bool Holds(ScenarioCondition condition, string? callerNumber, IReadOnlyCallVariables variables)
    {
        var test = condition switch
        {
            ScheduleCondition schedule => IsWithinHours(schedule),
            HolidayCondition holiday => IsHoliday(holiday),
            CallerNumberCondition caller => CallerMatches(caller, callerNumber),
            NoReadyAgentsCondition noReadyAgents => queueState.ReadyAgentCount(noReadyAgents.QueueId) == 0,
            QueueLoadCondition queueLoad => IsLoaded(queueLoad),
            VariableEqualsCondition variableEquals => VariableEquals(variableEquals, variables),
            _ => throw new UnreachableException($"No test for condition {condition.GetType().Name}"),
        };
        return test != condition.Negate;
    }

    private bool IsWithinHours(ScheduleCondition schedule)
    {
        if (LocalNow(schedule.TimeZone) is not { } local)
            return false;

        var timeOfDay = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return schedule.Hours.Any(hours =>
            hours.Days.Contains(local.DayOfWeek) && hours.From <= timeOfDay && timeOfDay < hours.To);
    }

    private bool IsHoliday(HolidayCondition holiday) =>
        LocalNow(holiday.TimeZone) is { } local && holiday.Dates.Contains(DateOnly.FromDateTime(local.DateTime));

    private DateTimeOffset? LocalNow(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone)
            : null;

    private bool IsLoaded(QueueLoadCondition condition) =>
        condition.WaitingCallsAtLeast is { } calls && queueState.WaitingCallCount(condition.QueueId) >= calls
        || condition.EstimatedWaitSecondsAtLeast is { } seconds
            && queueState.EstimatedWait(condition.QueueId) is { } estimate
            && estimate >= TimeSpan.FromSeconds(seconds);

    private static bool CallerMatches(CallerNumberCondition condition, string? callerNumber) =>
        CallerNumberPattern.TryParse(condition.Pattern, out var pattern, out _) && pattern.Matches(callerNumber);

    private static bool VariableEquals(VariableEqualsCondition condition, IReadOnlyCallVariables variables) =>
        variables.TryGetValue(condition.Name, out var value) && string.Equals(value, condition.Value, StringComparison.Ordinal);
}
