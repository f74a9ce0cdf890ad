using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Security.KeyProtection;

/// <summary>Keys are stored in the database; with <see cref="KeyProtectionKind.MasterKey"/> they are encrypted with the master key.</summary>
public sealed class KeyManagementSetup(IServiceScopeFactory scopes, IOptions<KeyProtectionOptions> settings, MasterKeySource masterKey)
    : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        options.XmlRepository = new DatabaseXmlRepository(scopes);
        if (settings.Value.KeyProtection == KeyProtectionKind.MasterKey)
            options.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey);
    }
}
