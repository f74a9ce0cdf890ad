namespace Switchboard.Server.Components.Pages.Admin.Scenarios;

/// <summary>How the editor names the kinds of condition and outcome (the kinds of action: <see cref="Switchboard.Domain.Routing.ScenarioActionKinds"/>).</summary>
public static class ScenarioWords
{
    public static string Of(ScenarioConditionKind kind) => kind switch
    {
        ScenarioConditionKind.Schedule => "Within opening hours",
        ScenarioConditionKind.Holiday => "On a holiday",
        ScenarioConditionKind.CallerNumber => "Caller number matches",
        ScenarioConditionKind.NoReadyAgents => "Queue has no ready agent",
        ScenarioConditionKind.QueueLoad => "Queue is busy",
        _ => "Variable equals",
    };

    public static string Of(ConditionOutcomeKind kind) => kind switch
    {
        ConditionOutcomeKind.Continue => "Continue with the next action",
        ConditionOutcomeKind.SkipTo => "Skip to action",
        ConditionOutcomeKind.GoToScenario => "Go to scenario",
        ConditionOutcomeKind.Forward => "Forward",
        _ => "Hang up",
    };
}
