using System.Text.RegularExpressions;

namespace Switchboard.Server.Workspace;

/// <summary>The body of <c>POST /api/v1/workspace/calls/{id}/dtmf</c>: keys to send to the caller.</summary>
public sealed partial record DigitsInput(string? Digits)
{
    public const int MaxDigits = 32;

    /// <summary>The keys of a telephone keypad (RFC 4733 events 0-15): digits, *, # and A to D.</summary>
    public bool IsValid => Digits is not null && Keys().IsMatch(Digits);

    public static string Rule => $"Give 1 to {MaxDigits} keys among 0-9, *, # and A-D.";

    [GeneratedRegex(@"^[0-9*#A-D]{1,32}\z")]
    private static partial Regex Keys();
}
