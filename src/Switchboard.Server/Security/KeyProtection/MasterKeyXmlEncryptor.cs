using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Switchboard.Server.Security.KeyProtection;

/// <summary>Encrypts a new data-protection key's XML with the master key before it is stored.</summary>
public sealed class MasterKeyXmlEncryptor(MasterKeySource masterKey) : IXmlEncryptor
{
    public const string ElementName = "encryptedWithMasterKey";
    public const string KeyIdAttribute = "masterKeyId";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = masterKey.Key;
        var encrypted = key.Encrypt(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        var element = new XElement(
            ElementName,
            new XAttribute(KeyIdAttribute, key.Id),
            new XComment(" AES-256-GCM with Switchboard's master key (Switchboard:DataProtection) "),
            Convert.ToBase64String(encrypted));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}
