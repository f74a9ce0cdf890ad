using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Domain.Tests.Routing.Interpreter;

public sealed class FakeScenarioSource : IScenarioSource
{
    public Dictionary<Guid, Scenario> Saved { get; } = [];

    public int Lookups { get; private set; }

    public void Save(Scenario scenario) => Saved[scenario.Id] = scenario;

    public Scenario? Find(Guid scenarioId)
    {
        Lookups++;
        return Saved.GetValueOrDefault(scenarioId);
    }
}
