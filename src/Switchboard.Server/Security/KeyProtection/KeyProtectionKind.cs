namespace Switchboard.Server.Security.KeyProtection;

/// <summary>How the data-protection keys (which sign every cookie and token) are encrypted before they are stored.</summary>
public enum KeyProtectionKind
{
    /// <summary>AES-256-GCM with a master key from configuration or a key file; nodes sharing a database share the key.</summary>
    MasterKey,

    /// <summary>With an X.509 certificate (PFX file or the certificate store); nodes sharing a database share the certificate.</summary>
    Certificate,

    /// <summary>Stored in clear: whoever reads the database can forge a sign-in. Only when chosen explicitly.</summary>
    None,
}
