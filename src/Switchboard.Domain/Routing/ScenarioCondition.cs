using System.Text.Json.Serialization;

namespace Switchboard.Domain.Routing;

/// <summary>What a <see cref="ConditionAction"/> tests. <see cref="Negate"/> turns the test around.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ScheduleCondition), "schedule")]
[JsonDerivedType(typeof(HolidayCondition), "holiday")]
[JsonDerivedType(typeof(CallerNumberCondition), "callerNumber")]
[JsonDerivedType(typeof(NoReadyAgentsCondition), "noReadyAgents")]
[JsonDerivedType(typeof(QueueLoadCondition), "queueLoad")]
[JsonDerivedType(typeof(VariableEqualsCondition), "variableEquals")]
public abstract record ScenarioCondition
{
    public bool Negate { get; init; }
}

/// <summary>Holds while the local time in <see cref="TimeZone"/> (IANA id) falls within one of the weekly hours.</summary>
public sealed record ScheduleCondition(string TimeZone, IReadOnlyList<WeeklyHours> Hours) : ScenarioCondition;

/// <summary>Days of the week and a time range [From, To) in local time.</summary>
public sealed record WeeklyHours(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To);

/// <summary>Holds on the listed dates, in local time of <see cref="TimeZone"/> (IANA id).</summary>
public sealed record HolidayCondition(string TimeZone, IReadOnlyList<DateOnly> Dates) : ScenarioCondition;

/// <summary>
/// Holds when the caller's number matches <see cref="Pattern"/>: digits and '+' match themselves, 'X' matches
/// any digit, and a trailing '*' matches anything that follows (e.g. <c>+4420*</c>, <c>+1415555XXXX</c>).
/// </summary>
public sealed record CallerNumberCondition(string Pattern) : ScenarioCondition;

/// <summary>Holds when the queue has no agent in status Ready.</summary>
public sealed record NoReadyAgentsCondition(Guid QueueId) : ScenarioCondition;

/// <summary>
/// Holds when the queue's load reaches any threshold given: at least <see cref="WaitingCallsAtLeast"/> calls
/// waiting, or an estimated wait of at least <see cref="EstimatedWaitSecondsAtLeast"/> seconds for a call joining
/// now. At least one threshold is required; a queue with nothing to estimate from has not reached the wait one.
/// </summary>
public sealed record QueueLoadCondition(Guid QueueId, int? WaitingCallsAtLeast, int? EstimatedWaitSecondsAtLeast) : ScenarioCondition;

/// <summary>Holds when the call variable <see cref="Name"/> equals <see cref="Value"/> (ordinal).</summary>
public sealed record VariableEqualsCondition(string Name, string Value) : ScenarioCondition;
