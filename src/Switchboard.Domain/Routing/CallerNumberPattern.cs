using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Domain.Routing;

/// <summary>
/// A pattern a caller's number is matched against (see <see cref="CallerNumberCondition"/>): digits and a
/// leading '+' match themselves, 'X' matches any one digit, and a trailing '*' matches whatever follows,
/// including nothing. Without '*' the whole number must match. The number is compared as it arrived.
/// </summary>
public sealed class CallerNumberPattern
{
    public const int MaxLength = 32;

    private const string Syntax = "use digits, '+' at the start, 'X' for any digit and '*' at the end, e.g. +4420* or +1415555XXXX";

    private readonly string _fixedPart;
    private readonly bool _matchesAnyRest;

    private CallerNumberPattern(string text)
    {
        Text = text;
        _matchesAnyRest = text.EndsWith('*');
        _fixedPart = _matchesAnyRest ? text[..^1] : text;
    }

    /// <summary>The pattern as written, with 'x' upper-cased.</summary>
    public string Text { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out CallerNumberPattern? pattern, out string error)
    {
        pattern = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = $"Enter a pattern: {Syntax}";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            error = $"Too long: a pattern has at most {MaxLength} characters";
            return false;
        }

        var normalized = trimmed.Replace('x', 'X');
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            var isLast = i == normalized.Length - 1;
            if (c == '+' && i != 0)
            {
                error = $"'+' may only come first: {Syntax}";
                return false;
            }

            if (c == '*' && !isLast)
            {
                error = $"'*' may only come last: {Syntax}";
                return false;
            }

            if (!char.IsAsciiDigit(c) && c is not ('+' or 'X' or '*'))
            {
                error = $"'{c}' is not allowed: {Syntax}";
                return false;
            }
        }

        pattern = new CallerNumberPattern(normalized);
        error = "";
        return true;
    }

    public bool Matches(string? callerNumber)
    {
        if (callerNumber is null)
            return false;

        var lengthFits = _matchesAnyRest ? callerNumber.Length >= _fixedPart.Length : callerNumber.Length == _fixedPart.Length;
        if (!lengthFits)
            return false;

        for (var i = 0; i < _fixedPart.Length; i++)
        {
            var expected = _fixedPart[i];
            var actual = callerNumber[i];
            var matches = expected == 'X' ? char.IsAsciiDigit(actual) : expected == actual;
            if (!matches)
                return false;
        }

        return true;
    }

    public override string ToString() => Text;
}
