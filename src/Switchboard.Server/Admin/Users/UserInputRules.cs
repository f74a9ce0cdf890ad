using System.Text.RegularExpressions;

namespace Switchboard.Server.Admin.Users;

/// <summary>The shape a user's fields must have, independent of what is already stored.</summary>
public static partial class UserInputRules
{
    public const int MinimumPasswordLength = 8;

    public const int MaximumDisplayNameLength = 128;

    /// <summary>Usernames are stored lower-case, so "Alice" and "alice" are the same login.</summary>
    public static string NormalizeUsername(string? username) => (username ?? "").Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9._-]{2,64}$")]
    public static partial Regex Username();

    /// <summary>The user part of a SIP URI a device registers as: unreserved characters only.</summary>
    [GeneratedRegex("^[A-Za-z0-9._~+-]{1,64}$")]
    public static partial Regex SipUsername();
}
