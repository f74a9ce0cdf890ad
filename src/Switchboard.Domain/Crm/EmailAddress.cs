using System.Net.Mail;

namespace Switchboard.Domain.Crm;

/// <summary>Checks e-mail addresses as people type them: a bare address such as ann@example.com, no display name.</summary>
public static class EmailAddress
{
    /// <summary>RFC 5321's limit on a forward path, less its angle brackets.</summary>
    public const int MaxLength = 254;

    public static bool TryNormalize(string? input, out string address, out string error)
    {
        address = input?.Trim() ?? "";
        error = "";
        if (address.Length == 0)
            error = "Enter an e-mail address, e.g. ann@example.com";
        else if (address.Length > MaxLength)
            error = $"An e-mail address has at most {MaxLength} characters";
        else if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || parsed.DisplayName.Length > 0)
            error = "Not an e-mail address; write it like ann@example.com";
        else if (!parsed.Host.Contains('.', StringComparison.Ordinal))
            error = "The part after @ must be a domain such as example.com";

        return error.Length == 0;
    }

    /// <summary>The form addresses are compared and looked up in.</summary>
    public static string Key(string address) => address.Trim().ToLowerInvariant();
}
