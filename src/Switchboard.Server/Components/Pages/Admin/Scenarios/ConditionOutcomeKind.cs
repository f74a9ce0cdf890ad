namespace Switchboard.Server.Components.Pages.Admin.Scenarios;

/// <summary>What a condition action can do when its condition holds.</summary>
public enum ConditionOutcomeKind
{
    Continue,
    SkipTo,
    GoToScenario,
    Forward,
    Hangup,
}
