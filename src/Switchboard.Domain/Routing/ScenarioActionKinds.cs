namespace Switchboard.Domain.Routing;

/// <summary>What kind an action is, and how people name each kind.</summary>
public static class ScenarioActionKinds
{
    public static ScenarioActionKind Of(ScenarioAction action) => action switch
    {
        PlaySoundAction => ScenarioActionKind.PlaySound,
        QueueAction => ScenarioActionKind.Queue,
        CallUserAction => ScenarioActionKind.CallUser,
        ForwardAction => ScenarioActionKind.Forward,
        ConditionAction => ScenarioActionKind.Condition,
        SetVariableAction => ScenarioActionKind.SetVariable,
        AnswerAction => ScenarioActionKind.Answer,
        HangupAction => ScenarioActionKind.Hangup,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.GetType().Name, "Unknown action."),
    };

    public static string Name(ScenarioActionKind kind) => kind switch
    {
        ScenarioActionKind.PlaySound => "Play sound",
        ScenarioActionKind.Queue => "Send to queue",
        ScenarioActionKind.CallUser => "Call user",
        ScenarioActionKind.Forward => "Forward",
        ScenarioActionKind.Condition => "Condition",
        ScenarioActionKind.SetVariable => "Set variable",
        ScenarioActionKind.Answer => "Answer",
        _ => "Hang up",
    };
}
