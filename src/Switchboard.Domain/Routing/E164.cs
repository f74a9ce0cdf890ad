namespace Switchboard.Domain.Routing;

/// <summary>
/// International phone numbers in E.164 form: "+" and 7 to 15 digits, the first (of the country code) not 0.
/// Accepts what people type: a "+" or "00" prefix, a "tel:" prefix, spaces, dashes, dots and parentheses,
/// and the "(0)" some countries write for the trunk prefix that is dropped when dialled from abroad.
/// </summary>
public static class E164
{
    public const int MinDigits = 7;
    public const int MaxDigits = 15;

    private const string Example = "e.g. +14155550123";

    public static bool TryNormalize(string? input, out string e164, out string error)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            error = $"Enter a phone number in international form, {Example}";
            return false;
        }

        var compact = Compact(input);
        string digits;
        if (compact.StartsWith('+'))
            digits = compact[1..];
        else if (compact.StartsWith("00", StringComparison.Ordinal))
            digits = compact[2..];
        else
        {
            error = $"Enter the number in international form, {Example}";
            return false;
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            error = $"Only digits may follow the + (spaces, dashes, dots and parentheses are fine), {Example}";
            return false;
        }

        if (digits.Length < MinDigits)
        {
            error = $"Too short: an international number has at least {MinDigits} digits, {Example}";
            return false;
        }

        if (digits.Length > MaxDigits)
        {
            error = $"Too long: an international number has at most {MaxDigits} digits";
            return false;
        }

        if (digits[0] == '0')
        {
            error = $"The country code cannot start with 0, {Example}";
            return false;
        }

        e164 = "+" + digits;
        error = "";
        return true;
    }

    /// <summary>The E.164 form of <paramref name="input"/>, or null when it is not an international number.</summary>
    public static string? Normalize(string? input) => TryNormalize(input, out var e164, out _) ? e164 : null;

    private static string Compact(string input)
    {
        var text = input.Trim();
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            text = text[4..];

        text = text.Replace("(0)", "", StringComparison.Ordinal);
        return string.Concat(text.Where(c => !IsSeparator(c)));
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')';
}
