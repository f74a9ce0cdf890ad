namespace Switchboard.Server.Calls;

/// <summary>What asking for a call's detail gave: the detail, or why not.</summary>
public enum CallDetailOutcome
{
    Found,
    NotFound,
    Forbidden,
}
