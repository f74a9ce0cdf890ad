namespace Switchboard.Domain.Routing;

/// <summary>How serious a configuration issue is: errors block saving, warnings are shown but do not.</summary>
public enum IssueSeverity
{
    Error,
    Warning,
}
