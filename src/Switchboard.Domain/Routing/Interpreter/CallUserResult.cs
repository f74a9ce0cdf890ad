namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>How ringing a user ended. Only <see cref="Answered"/> takes the call out of the scenario.</summary>
public enum CallUserResult
{
    Answered,
    NoAnswer,
    Refused,
    /// <summary>The user has no device that could ring.</summary>
    Unavailable,
}
