using Switchboard.Domain.Routing;

namespace Switchboard.Server.Admin.Scenarios;

/// <summary>A saved scenario with the warnings that did not block saving it (e.g. an unreachable action).</summary>
public sealed record ScenarioView(Guid Id, string Name, IReadOnlyList<ScenarioAction> Actions, IReadOnlyList<ValidationIssue> Issues);
