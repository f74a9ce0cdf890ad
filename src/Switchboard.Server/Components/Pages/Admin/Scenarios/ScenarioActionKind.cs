namespace Switchboard.Server.Components.Pages.Admin.Scenarios;

/// <summary>The kinds of scenario action the editor can add, one per action record of the domain.</summary>
public enum ScenarioActionKind
{
    PlaySound,
    Queue,
    CallUser,
    Forward,
    Condition,
    SetVariable,
    Answer,
    Hangup,
}
