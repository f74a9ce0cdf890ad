namespace Switchboard.Domain.Routing;

/// <summary>
/// One thing wrong (or doubtful) in a piece of configuration.
/// </summary>
/// <param name="ActionIndex">The zero-based scenario action it concerns; null when it concerns the whole thing.</param>
/// <param name="Field">The field, keyed like the JSON the admin sends: <c>name</c>, <c>actions[2].soundId</c>,
/// <c>actions[3].when.timeZone</c>, <c>members[1].userId</c>.</param>
/// <param name="Severity">Errors block saving; warnings do not.</param>
/// <param name="Message">What is wrong, in the user's words, as shown beside the field: "Choose a queue".</param>
public sealed record ValidationIssue(int? ActionIndex, string Field, IssueSeverity Severity, string Message)
{
    /// <summary>What the issue is about, as people name it ("Action 7 (Send to queue)"); null when the field says enough.</summary>
    public string? Subject { get; init; }

    /// <summary>The message naming its subject, as a list of issues or an API client shows it: "Action 7 (Send to queue): choose a queue".</summary>
    public string Summary => Subject is null ? Message : $"{Subject}: {Continued(Message)}";

    // The message goes on after a colon: its first word loses its capital, unless it is an abbreviation (SIP, E.164).
    private static string Continued(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
}
