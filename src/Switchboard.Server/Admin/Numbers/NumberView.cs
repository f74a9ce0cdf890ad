namespace Switchboard.Server.Admin.Numbers;

/// <summary>A phone number in E.164 form with the scenario its calls run.</summary>
public sealed record NumberView(Guid Id, string Number, string Label, Guid ScenarioId, string ScenarioName);
