namespace Switchboard.Server.Admin;

/// <summary>
/// The outcome of a configuration change, shared by the REST API and the admin pages: done, not found,
/// invalid input (messages per field, keyed like <c>actions[2].soundId</c>), or refused because the thing is
/// still in use (with where it is used).
/// </summary>
public sealed class AdminResult<T>
{
    private AdminResult(T? value, AdminOutcome outcome, IReadOnlyDictionary<string, string[]> errors, IReadOnlyList<string> usages)
    {
        Value = value;
        Outcome = outcome;
        Errors = errors;
        Usages = usages;
    }

    public T? Value { get; }

    public AdminOutcome Outcome { get; }

    /// <summary>Field → messages, when <see cref="Outcome"/> is <see cref="AdminOutcome.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Where the thing is used, when <see cref="Outcome"/> is <see cref="AdminOutcome.InUse"/>.</summary>
    public IReadOnlyList<string> Usages { get; }

    public bool Succeeded => Outcome == AdminOutcome.Ok;

    public static AdminResult<T> Ok(T value) => new(value, AdminOutcome.Ok, Empty, []);

    public static AdminResult<T> NotFound() => new(default, AdminOutcome.NotFound, Empty, []);

    public static AdminResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(default, AdminOutcome.Invalid, errors, []);

    public static AdminResult<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static AdminResult<T> InUse(IReadOnlyList<string> usages) => new(default, AdminOutcome.InUse, Empty, usages);

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}

public enum AdminOutcome
{
    Ok,
    NotFound,
    Invalid,
    InUse,
}
