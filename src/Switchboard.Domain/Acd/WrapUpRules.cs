namespace Switchboard.Domain.Acd;

/// <summary>
/// Checks a wrap-up against the call's queue: the disposition must be one the queue lists (compared ignoring case,
/// stored as the queue spells it), and given when the queue requires one; notes hold at most
/// <see cref="MaxNotesLength"/> characters. Blank values count as not given.
/// </summary>
public static class WrapUpRules
{
    public const int MaxNotesLength = 4000;

    /// <param name="queueName">The queue whose offer the agent answered; null when they were put through directly (then there are no dispositions).</param>
    /// <returns>The wrap-up as stored, or null with <paramref name="errors"/> by field (<c>disposition</c>, <c>notes</c>).</returns>
    public static WrapUp? Check(
        string? disposition,
        string? notes,
        string? queueName,
        IReadOnlyList<string> dispositions,
        bool required,
        out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(dispositions);
        errors = [];
        var given = string.IsNullOrWhiteSpace(disposition) ? null : disposition.Trim();
        var written = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();

        string? chosen = null;
        if (given is not null)
        {
            chosen = dispositions.FirstOrDefault(listed => string.Equals(listed, given, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
                errors["disposition"] = [NotListed(given, queueName, dispositions)];
        }
        else if (required && dispositions.Count > 0)
        {
            errors["disposition"] = [$"Choose a disposition: queue {queueName} asks for one after each call."];
        }

        if (written is { Length: > MaxNotesLength })
            errors["notes"] = [$"Too long: notes hold at most {MaxNotesLength} characters ({written.Length} written)."];

        return errors.Count == 0 ? new WrapUp(chosen, written) : null;
    }

    private static string NotListed(string given, string? queueName, IReadOnlyList<string> dispositions) =>
        (queueName, dispositions.Count) switch
        {
            (null, _) => $"'{given}' cannot be recorded: you were put through to this call directly, not by a queue, so it has no dispositions.",
            (_, 0) => $"'{given}' cannot be recorded: queue {queueName} has no dispositions.",
            _ => $"'{given}' is not a disposition of queue {queueName}; choose one of: {string.Join(", ", dispositions)}.",
        };
}
