namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>Why routing hung a call up; stored with the call record.</summary>
public enum HangupReason
{
    /// <summary>A hangup action, or a condition whose outcome is to hang up.</summary>
    ByScenario,
    /// <summary>The call ran past the last action.</summary>
    EndOfScenario,
    /// <summary>More than <see cref="ScenarioInterpreter.MaxScenarioJumps"/> jumps: the scenarios loop.</summary>
    TooManyScenarioJumps,
    /// <summary>A go-to named a scenario that no longer exists.</summary>
    ScenarioNotFound,
}
