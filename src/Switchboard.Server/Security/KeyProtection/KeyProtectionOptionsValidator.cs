using Microsoft.Extensions.Options;

namespace Switchboard.Server.Security.KeyProtection;

/// <summary>Refuses to start with key-protection settings that cannot work, naming the key to fix and never its value.</summary>
public sealed class KeyProtectionOptionsValidator : IValidateOptions<KeyProtectionOptions>
{
    private const string Section = KeyProtectionOptions.Section;

    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.KeyProtection))
            failures.Add($"{Section}:KeyProtection must be MasterKey, Certificate or None.");
        if (!string.IsNullOrWhiteSpace(options.MasterKey) && !MasterKey.TryParse(options.MasterKey, out _))
            failures.Add($"{Section}:MasterKey must be base64 of {MasterKey.Length} bytes (e.g. `openssl rand -base64 32`).");
        var path = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var thumbprint = !string.IsNullOrWhiteSpace(options.CertificateThumbprint);
        if (options.KeyProtection == KeyProtectionKind.Certificate && path == thumbprint)
            failures.Add($"{Section}:KeyProtection=Certificate needs either {Section}:CertificatePath (a PFX file) or {Section}:CertificateThumbprint.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
