namespace Switchboard.Domain.Routing;

/// <summary>
/// The issues found in a piece of configuration. It may be saved when it has no errors; warnings are shown to
/// the user but never block saving.
/// </summary>
public sealed class ValidationReport
{
    public ValidationReport(IReadOnlyList<ValidationIssue> issues)
    {
        Issues = issues;
    }

    public IReadOnlyList<ValidationIssue> Issues { get; }

    public bool HasErrors => Issues.Any(issue => issue.Severity == IssueSeverity.Error);

    public IEnumerable<ValidationIssue> Errors => Issues.Where(issue => issue.Severity == IssueSeverity.Error);

    public IEnumerable<ValidationIssue> Warnings => Issues.Where(issue => issue.Severity == IssueSeverity.Warning);

    /// <summary>Error messages grouped by field, in the shape an invalid-input answer carries; each names its subject
    /// (<c>actions[6].queueId</c>: "Action 7 (Send to queue): choose a queue").</summary>
    public IReadOnlyDictionary<string, string[]> ErrorsByField() =>
        Errors
            .GroupBy(issue => issue.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(issue => issue.Summary).ToArray(), StringComparer.Ordinal);
}
