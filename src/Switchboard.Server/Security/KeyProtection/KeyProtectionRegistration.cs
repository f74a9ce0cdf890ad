using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Security.KeyProtection;

/// <summary>Data-protection keys kept in the database and encrypted at rest, from <c>Switchboard:DataProtection</c>.</summary>
public static class KeyProtectionRegistration
{
    public static IServiceCollection AddKeyProtection(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var services = dataProtection.Services;
        services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyProtectionOptions>, KeyProtectionOptionsValidator>();
        services.AddSingleton<MasterKeySource>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyManagementSetup>();
        services.AddSingleton<KeyRingCheck>();

        var settings = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (settings.KeyProtection == KeyProtectionKind.Certificate
            && new KeyProtectionOptionsValidator().Validate(null, settings).Succeeded)
        {
            // Also registers it to decrypt with: the built-in decryptor otherwise looks only in the certificate store.
            var certificate = KeyProtectionCertificate.Load(settings);
            dataProtection.ProtectKeysWithCertificate(certificate);
            services.AddSingleton(new KeyProtectionCertificate(certificate));
        }
        return services;
    }
}
