namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>The saved scenarios, for going from one scenario to another.</summary>
public interface IScenarioSource
{
    /// <summary>The scenario with this id as saved now, or null when there is none.</summary>
    Scenario? Find(Guid scenarioId);
}
