using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Security.KeyProtection;

/// <summary>
/// Runs at start, before anything protects or reads a cookie: makes the master key file on a fresh install, refuses
/// to start when a stored key cannot be decrypted (rather than let data protection silently make new keys, which
/// would end every session and lose every trunk password), and retires a default key that is stored in clear.
/// </summary>
public sealed partial class KeyRingCheck(
    IOptions<KeyProtectionOptions> settings,
    IOptions<KeyManagementOptions> management,
    MasterKeySource masterKey,
    IKeyManager keys,
    TimeProvider time,
    ILogger<KeyRingCheck> logger,
    KeyProtectionCertificate? certificate = null)
{
    /// <exception cref="InvalidOperationException">The keys cannot be protected or read with this configuration; the message says what to set.</exception>
    public void Ensure()
    {
        var stored = management.Value.XmlRepository!.GetAllElements();
        switch (settings.Value.KeyProtection)
        {
            case KeyProtectionKind.MasterKey:
                EnsureMasterKey(stored);
                break;
            case KeyProtectionKind.Certificate:
                LogCertificate(logger, certificate?.Value.Thumbprint ?? "");
                break;
            default:
                LogUnprotected(logger, KeyProtectionOptions.Section);
                break;
        }
        EnsureReadable();
        if (settings.Value.KeyProtection != KeyProtectionKind.None)
            RetireClearDefaultKey(stored);
    }

    private void EnsureMasterKey(IReadOnlyCollection<XElement> stored)
    {
        if (masterKey.Exists)
        {
            LogMasterKey(logger, masterKey.Key.Id, masterKey.Origin);
            if (!masterKey.IsConfiguredInline && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(masterKey.FilePath) & OthersMayRead) != 0)
                LogKeyFileOpen(logger, masterKey.FilePath);
            return;
        }
        if (stored.Any(element => element.Descendants(MasterKeyXmlEncryptor.ElementName).Any()))
        {
            throw new InvalidOperationException(
                $"The data-protection keys in the database are encrypted with a master key, but this node has none: {masterKey.FilePath} " +
                $"does not exist and {KeyProtectionOptions.Section}:MasterKey is not set. Copy the key file from the node that made it " +
                "(or restore it from a backup), or set the same master key on every node. See docs/security.md, \"Keys and secrets at rest\".");
        }
        var created = masterKey.CreateFile();
        LogMasterKeyCreated(logger, masterKey.FilePath, created.Id);
    }

    private void EnsureReadable()
    {
        var unreadable = new List<string>();
        foreach (var key in keys.GetAllKeys().Where(key => !key.IsRevoked))
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (Exception exception)
            {
                unreadable.Add($"{key.KeyId} ({Innermost(exception).Message})");
            }
        }
        if (unreadable.Count > 0)
        {
            throw new InvalidOperationException(
                $"Data-protection keys in the database cannot be decrypted with {KeyProtectionOptions.Section} as configured: " +
                $"{string.Join("; ", unreadable)}. Set the master key or certificate they were made with (see docs/security.md, " +
                "\"Keys and secrets at rest\"); Switchboard does not start rather than replace them, which would end every session " +
                "and make stored trunk passwords unreadable.");
        }
    }

    // A key stored before key protection was on stays readable; only new payloads move to an encrypted key.
    private void RetireClearDefaultKey(IReadOnlyCollection<XElement> stored)
    {
        var now = time.GetUtcNow();
        var current = keys.GetAllKeys()
            .Where(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now)
            .MaxBy(key => key.ActivationDate);
        var inClear = stored
            .Where(element => element.Name == "key" && !element.Descendants("encryptedSecret").Any())
            .Select(element => element.Attribute("id")?.Value);
        if (current is null || !inClear.Contains(current.KeyId.ToString()))
            return;
        keys.CreateNewKey(now, now + management.Value.NewKeyLifetime);
        LogClearKeyRetired(logger, current.KeyId);
    }

    private const UnixFileMode OthersMayRead = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    private static Exception Innermost(Exception exception) => exception.InnerException is { } inner ? Innermost(inner) : exception;

    [LoggerMessage(Level = LogLevel.Information, Message = "Data-protection keys are encrypted with the master key {MasterKeyId} from {Origin}")]
    private static partial void LogMasterKey(ILogger logger, string masterKeyId, string origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made a new master key {MasterKeyId} for the data-protection keys at {Path}: back it up with the database; other nodes sharing the database need the same file")]
    private static partial void LogMasterKeyCreated(ILogger logger, string path, string masterKeyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The master key file {Path} may be read by other accounts: make it readable by Switchboard's account only (chmod 600)")]
    private static partial void LogKeyFileOpen(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data-protection keys are encrypted with the certificate {Thumbprint}")]
    private static partial void LogCertificate(ILogger logger, string thumbprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data-protection keys are stored unencrypted ({Section}:KeyProtection=None): whoever reads the database can forge a sign-in")]
    private static partial void LogUnprotected(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "The current data-protection key {KeyId} was stored unencrypted: made a new, encrypted one; the old one stays readable until it expires")]
    private static partial void LogClearKeyRetired(ILogger logger, Guid keyId);
}
