namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>How a run ended and the call variables as they stood then.</summary>
public sealed record ScenarioRunResult(ScenarioRunOutcome Outcome, IReadOnlyCallVariables Variables);
