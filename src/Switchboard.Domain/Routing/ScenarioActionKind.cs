namespace Switchboard.Domain.Routing;

/// <summary>The kinds of scenario action, one per action record.</summary>
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
