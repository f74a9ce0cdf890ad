namespace Switchboard.Domain.Acd;

/// <summary>Asks the runtime to hand <paramref name="Input"/> back to the ACD at <paramref name="DueAt"/>.</summary>
public sealed record ScheduleTimer(DateTimeOffset DueAt, AcdTimerInput Input) : AcdOutput;
