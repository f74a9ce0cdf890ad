using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Switchboard.Server.Security.KeyProtection;

/// <summary>
/// Decrypts a key that <see cref="MasterKeyXmlEncryptor"/> encrypted. Data protection creates it by its type name
/// with the host's services, so each host uses its own master key.
/// </summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var source = services.GetRequiredService<MasterKeySource>();
        var key = source.Key;
        var keyId = encryptedElement.Attribute(MasterKeyXmlEncryptor.KeyIdAttribute)?.Value;
        if (keyId != key.Id)
        {
            throw new CryptographicException(
                $"It was encrypted with the master key {keyId}, but the master key in {source.Origin} is {key.Id}.");
        }
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(key.Decrypt(Convert.FromBase64String(encryptedElement.Value.Trim()))));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            throw new CryptographicException($"It does not decrypt with the master key {key.Id}: it was altered.", exception);
        }
    }
}
