namespace Switchboard.Domain.Crm;

/// <summary>Names of messaging channels ("telegram", "whatsapp", "webchat"): lower-case letters, digits, '-' and '_'.</summary>
public static class MessagingChannel
{
    public const int MaxLength = 32;
    public const int MaxIdentifierLength = 200;

    public static bool TryNormalize(string? input, out string channel, out string error)
    {
        channel = input?.Trim().ToLowerInvariant() ?? "";
        error = "";
        if (channel.Length == 0)
            error = "Enter the channel, e.g. telegram, whatsapp or webchat";
        else if (channel.Length > MaxLength)
            error = $"A channel name has at most {MaxLength} characters";
        else if (!channel.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            error = "A channel name has only letters, digits, '-' and '_', e.g. telegram";

        return error.Length == 0;
    }

    public static bool TryNormalizeIdentifier(string? input, out string identifier, out string error)
    {
        identifier = input?.Trim() ?? "";
        error = identifier.Length switch
        {
            0 => "Enter the contact's id on that channel",
            > MaxIdentifierLength => $"An id has at most {MaxIdentifierLength} characters",
            _ => "",
        };
        return error.Length == 0;
    }
}
