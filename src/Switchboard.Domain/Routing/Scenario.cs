namespace Switchboard.Domain.Routing;

/// <summary>An ordered path of actions that an incoming call undergoes. Order is decisive.</summary>
public sealed class Scenario
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public List<ScenarioAction> Actions { get; set; } = [];
}
