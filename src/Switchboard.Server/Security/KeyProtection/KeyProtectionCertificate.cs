using System.Security.Cryptography.X509Certificates;

namespace Switchboard.Server.Security.KeyProtection;

/// <summary>
/// The certificate that encrypts data-protection keys when <see cref="KeyProtectionKind.Certificate"/> is chosen. It is
/// loaded while services are registered, since data protection takes its decryption certificates then.
/// </summary>
public sealed class KeyProtectionCertificate(X509Certificate2 value)
{
    public X509Certificate2 Value => value;

    /// <exception cref="InvalidOperationException">It cannot be found or opened, or it has no private key.</exception>
    public static X509Certificate2 Load(KeyProtectionOptions options)
    {
        var certificate = string.IsNullOrWhiteSpace(options.CertificatePath)
            ? FromStore(options.CertificateThumbprint ?? "")
            : FromFile(options.CertificatePath, options.CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"The data-protection certificate {certificate.Thumbprint} has no private key, so the keys it encrypts could not be read back.");
        }
        return certificate;
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Could not open the data-protection certificate {KeyProtectionOptions.Section}:CertificatePath={path} " +
                $"(wrong path or {KeyProtectionOptions.Section}:CertificatePassword?): {exception.Message}", exception);
        }
    }

    private static X509Certificate2 FromStore(string thumbprint)
    {
        foreach (var location in (StoreLocation[])[StoreLocation.CurrentUser, StoreLocation.LocalMachine])
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // That store does not exist on this machine (LocalMachine\My on Linux): look in the other.
                continue;
            }
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", "", StringComparison.Ordinal), validOnly: false);
            if (found.Count > 0)
                return found[0];
        }
        throw new InvalidOperationException(
            $"No certificate with {KeyProtectionOptions.Section}:CertificateThumbprint={thumbprint} in the CurrentUser or LocalMachine \"My\" store.");
    }
}
