namespace Switchboard.Domain.Routing;

/// <summary>
/// One thing wrong (or doubtful) in a piece of configuration.
/// </summary>
/// <param name="ActionIndex">The zero-based scenario action it concerns; null when it concerns the whole thing.</param>
/// <param name="Field">The field, keyed like the JSON the admin sends: <c>name</c>, <c>actions[2].soundId</c>,
/// <c>actions[3].when.timeZone</c>, <c>members[1].userId</c>.</param>
/// <param name="Severity">Errors block saving; warnings do not.</param>
/// <param name="Message">What is wrong, in the user's words.</param>
public sealed record ValidationIssue(int? ActionIndex, string Field, IssueSeverity Severity, string Message);
