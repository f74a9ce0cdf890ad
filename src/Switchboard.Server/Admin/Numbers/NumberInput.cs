namespace Switchboard.Server.Admin.Numbers;

/// <summary>A phone number as the admin writes it (any common notation; stored as E.164).</summary>
public sealed record NumberInput(string Number, string? Label, Guid ScenarioId);
