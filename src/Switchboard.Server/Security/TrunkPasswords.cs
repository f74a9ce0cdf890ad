using Microsoft.AspNetCore.DataProtection;
using Switchboard.Domain.Trunks;

namespace Switchboard.Server.Security;

/// <summary>
/// Trunk registration passwords as stored: encrypted with data protection and marked with <see cref="Marker"/>, so a
/// stored value is never taken for the password nor encrypted twice. Only the carrier registration sees the password.
/// </summary>
public sealed class TrunkPasswords(IDataProtectionProvider dataProtection)
{
    public const string Marker = "protected:v1:";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Switchboard.Trunks.RegistrationPassword");

    /// <summary>Whether a stored value is encrypted; one without the marker is an older version's plain text.</summary>
    public static bool IsProtected(string stored) => stored.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>The stored form of a password the admin entered; no password stays empty.</summary>
    public string Protect(string password) => password.Length == 0 ? "" : Marker + _protector.Protect(password);

    /// <summary>
    /// The registration as sent to the carrier, its password decrypted. Plain text from an older version is used as
    /// it is until the start-up rewrites it.
    /// </summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key it was encrypted with is not in this key ring.</exception>
    public TrunkRegistration Reveal(TrunkRegistration stored) =>
        IsProtected(stored.Password) ? stored with { Password = _protector.Unprotect(stored.Password[Marker.Length..]) } : stored;
}
