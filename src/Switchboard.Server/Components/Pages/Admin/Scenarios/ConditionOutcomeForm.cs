using Switchboard.Domain.Routing;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Server.Components.Pages.Admin.Scenarios;

/// <summary>What a condition action does when it holds, in the editor. <see cref="SkipToAction"/> counts from 1, as shown.</summary>
public sealed class ConditionOutcomeForm
{
    public ConditionOutcomeKind Kind { get; set; }

    public string? SkipToAction { get; set; }

    public string? ScenarioId { get; set; }

    public string? Destination { get; set; }

    public static ConditionOutcomeForm From(ConditionOutcome outcome) => outcome switch
    {
        ContinueOutcome => new() { Kind = ConditionOutcomeKind.Continue },
        SkipToOutcome skip => new() { Kind = ConditionOutcomeKind.SkipTo, SkipToAction = PostedValue.Of(ScenarioActionNumber.Of(skip.ActionIndex)) },
        GoToScenarioOutcome goTo => new() { Kind = ConditionOutcomeKind.GoToScenario, ScenarioId = PostedValue.Of(goTo.ScenarioId) },
        ForwardOutcome forward => new() { Kind = ConditionOutcomeKind.Forward, Destination = forward.Destination },
        HangupOutcome => new() { Kind = ConditionOutcomeKind.Hangup },
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "Unknown outcome."),
    };

    // An unset skip target becomes index -1 so that validation names it rather than it silently meaning action 1.
    public ConditionOutcome ToOutcome() => Kind switch
    {
        ConditionOutcomeKind.SkipTo => new SkipToOutcome(ScenarioActionNumber.IndexOf(PostedValue.Number(SkipToAction) ?? 0)),
        ConditionOutcomeKind.GoToScenario => new GoToScenarioOutcome(PostedValue.IdOrEmpty(ScenarioId)),
        ConditionOutcomeKind.Forward => new ForwardOutcome(Destination ?? ""),
        ConditionOutcomeKind.Hangup => new HangupOutcome(),
        _ => new ContinueOutcome(),
    };
}
