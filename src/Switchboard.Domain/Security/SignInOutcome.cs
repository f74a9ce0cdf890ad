namespace Switchboard.Domain.Security;

/// <summary>What a checked sign-in attempt came to.</summary>
public enum SignInOutcome
{
    Failure,
    Success,
}
