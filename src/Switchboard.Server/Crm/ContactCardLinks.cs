using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Switchboard.Server.Crm;

/// <summary>
/// Signs and checks read-only links to a contact's card. A token is the contact's id protected by ASP.NET Data
/// Protection's time-limited protector (keys shared by every node through the database), so it cannot be forged,
/// altered, moved to another contact, or used after it expires.
/// </summary>
public sealed class ContactCardLinks(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>How long a link works: long enough for a call, short enough that a forwarded link soon stops working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string Purpose = "Switchboard.Crm.ContactCard.v1";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <summary>A link to the card of <paramref name="contactId"/>, working for <see cref="Lifetime"/> from now.</summary>
    public ReadOnlyLink Create(Guid contactId)
    {
        var expiresAt = time.GetUtcNow() + Lifetime;
        var token = _protector.Protect(contactId.ToString("N"), expiresAt);
        return new ReadOnlyLink(CardPath(contactId, token), expiresAt);
    }

    /// <summary>Whether <paramref name="token"/> was issued for <paramref name="contactId"/> and has not expired.</summary>
    public bool Allows(Guid contactId, string? token)
    {
        if (string.IsNullOrEmpty(token))
            return false;
        try
        {
            var payload = _protector.Unprotect(token, out var expiresAt);
            // The protector checks expiry against the wall clock; this checks it against the switchboard's clock too.
            return payload == contactId.ToString("N") && expiresAt > time.GetUtcNow();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static string CardPath(Guid contactId, string token) =>
        string.Create(CultureInfo.InvariantCulture, $"/crm/contacts/{contactId}/card?token={Uri.EscapeDataString(token)}");
}
