using Switchboard.Domain.Routing;

namespace Switchboard.Server.Admin.Scenarios;

/// <summary>A scenario as the admin writes it: a name and the ordered actions (each with its <c>type</c>).</summary>
public sealed record ScenarioInput(string Name, IReadOnlyList<ScenarioAction>? Actions = null);
