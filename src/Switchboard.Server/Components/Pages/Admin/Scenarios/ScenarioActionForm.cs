using Switchboard.Domain.Routing;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Server.Components.Pages.Admin.Scenarios;

/// <summary>
/// One scenario action in the editor. Its kind is fixed once added; only the fields of that kind are used. Fields
/// are text (read through <see cref="PostedValue"/>), so a bad entry is reported beside the action rather than lost.
/// </summary>
public sealed class ScenarioActionForm
{
    public ScenarioActionKind Kind { get; set; }

    public string? SoundId { get; set; }

    public string? Repeat { get; set; } = "1";

    public string? QueueId { get; set; }

    public string? Priority { get; set; } = "0";

    public string? MaxWaitSeconds { get; set; }

    public string? UserId { get; set; }

    public string? RingSeconds { get; set; } = "30";

    public bool RingWhenNotReady { get; set; }

    public string? Destination { get; set; }

    public string? VariableName { get; set; }

    public string? VariableValue { get; set; }

    public ScenarioConditionForm When { get; set; } = new();

    public ConditionOutcomeForm Then { get; set; } = new();

    public static ScenarioActionForm New(ScenarioActionKind kind, string timeZone) => new()
    {
        Kind = kind,
        When = ScenarioConditionForm.New(ScenarioConditionKind.Schedule, timeZone),
    };

    public static ScenarioActionForm From(ScenarioAction action) => action switch
    {
        PlaySoundAction play => new() { Kind = ScenarioActionKind.PlaySound, SoundId = PostedValue.Of(play.SoundId), Repeat = PostedValue.Of(play.Repeat) },
        QueueAction queue => new()
        {
            Kind = ScenarioActionKind.Queue,
            QueueId = PostedValue.Of(queue.QueueId),
            Priority = PostedValue.Of(queue.Priority),
            MaxWaitSeconds = PostedValue.Of(queue.MaxWaitSeconds),
        },
        CallUserAction call => new()
        {
            Kind = ScenarioActionKind.CallUser,
            UserId = PostedValue.Of(call.UserId),
            RingSeconds = PostedValue.Of(call.RingSeconds),
            RingWhenNotReady = call.RingWhenNotReady,
        },
        ForwardAction forward => new() { Kind = ScenarioActionKind.Forward, Destination = forward.Destination },
        ConditionAction condition => new()
        {
            Kind = ScenarioActionKind.Condition,
            When = ScenarioConditionForm.From(condition.When),
            Then = ConditionOutcomeForm.From(condition.Then),
        },
        SetVariableAction variable => new() { Kind = ScenarioActionKind.SetVariable, VariableName = variable.Name, VariableValue = variable.Value },
        AnswerAction => new() { Kind = ScenarioActionKind.Answer },
        HangupAction => new() { Kind = ScenarioActionKind.Hangup },
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.GetType().Name, "Unknown action."),
    };

    public ScenarioAction ToAction() => Kind switch
    {
        ScenarioActionKind.PlaySound => new PlaySoundAction(PostedValue.IdOrEmpty(SoundId), PostedValue.NumberOrInvalid(Repeat)),
        ScenarioActionKind.Queue => new QueueAction(PostedValue.IdOrEmpty(QueueId), PostedValue.NumberOrInvalid(Priority), PostedValue.Number(MaxWaitSeconds)),
        ScenarioActionKind.CallUser => new CallUserAction(PostedValue.IdOrEmpty(UserId), PostedValue.NumberOrInvalid(RingSeconds), RingWhenNotReady),
        ScenarioActionKind.Forward => new ForwardAction(Destination ?? ""),
        ScenarioActionKind.Condition => new ConditionAction(When.ToCondition(), Then.ToOutcome()),
        ScenarioActionKind.SetVariable => new SetVariableAction(VariableName ?? "", VariableValue ?? ""),
        ScenarioActionKind.Answer => new AnswerAction(),
        _ => new HangupAction(),
    };
}
