namespace Switchboard.Server.Components.Pages.Admin.Scenarios;

/// <summary>The kinds of condition a condition action can test.</summary>
public enum ScenarioConditionKind
{
    Schedule,
    Holiday,
    CallerNumber,
    NoReadyAgents,
    QueueLoad,
    VariableEquals,
}
