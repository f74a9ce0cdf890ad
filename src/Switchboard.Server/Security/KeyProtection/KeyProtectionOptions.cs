namespace Switchboard.Server.Security.KeyProtection;

/// <summary>Settings under <c>Switchboard:DataProtection</c>: how data-protection keys are encrypted at rest (docs/security.md).</summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "Switchboard:DataProtection";

    /// <summary>The name of the key file made in the data directory when no master key is given.</summary>
    public const string DefaultMasterKeyFileName = "data-protection.key";

    public KeyProtectionKind KeyProtection { get; set; } = KeyProtectionKind.MasterKey;

    /// <summary>The master key itself, base64 of 32 bytes (e.g. from an environment variable); wins over the file.</summary>
    public string? MasterKey { get; set; }

    /// <summary>The file holding the master key; by default <see cref="DefaultMasterKeyFileName"/> in the data directory, made on first start.</summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>A PFX file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The thumbprint of a certificate with private key in the CurrentUser or LocalMachine "My" store.</summary>
    public string? CertificateThumbprint { get; set; }
}
