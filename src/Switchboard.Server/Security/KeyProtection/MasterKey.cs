using System.Security.Cryptography;

namespace Switchboard.Server.Security.KeyProtection;

/// <summary>
/// The secret that encrypts data-protection keys at rest (AES-256-GCM). <see cref="Id"/> names it without revealing
/// it, so an error can say that a key was encrypted with another master key.
/// </summary>
public sealed class MasterKey
{
    public const int Length = 32;

    private const int NonceLength = 12;
    private const int TagLength = 16;

    // Binds a ciphertext to its use, so it cannot be passed off as something else encrypted with the same key.
    private static readonly byte[] AssociatedData = "Switchboard data-protection key"u8.ToArray();

    private readonly byte[] _encryptionKey;

    private MasterKey(byte[] secret)
    {
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, Length, info: "Switchboard key encryption"u8.ToArray());
        Id = Convert.ToHexStringLower(HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 8, info: "Switchboard key id"u8.ToArray()));
        CryptographicOperations.ZeroMemory(secret);
    }

    public string Id { get; }

    /// <summary>A new random master key in its written form (base64).</summary>
    public static string NewText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Reads a written master key; false when it is not base64 of <see cref="Length"/> bytes.</summary>
    public static bool TryParse(string? text, out MasterKey key)
    {
        key = null!;
        var buffer = new byte[Length + 1];
        if (!Convert.TryFromBase64String(text?.Trim() ?? "", buffer, out var written) || written != Length)
            return false;
        key = new MasterKey(buffer[..Length]);
        CryptographicOperations.ZeroMemory(buffer);
        return true;
    }

    /// <summary>Nonce, ciphertext and tag in one array.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext)
    {
        var result = new byte[NonceLength + plaintext.Length + TagLength];
        var nonce = result.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagLength);
        aes.Encrypt(nonce, plaintext, result.AsSpan(NonceLength, plaintext.Length), result.AsSpan(NonceLength + plaintext.Length), AssociatedData);
        return result;
    }

    /// <exception cref="CryptographicException">The data was not encrypted with this key, or was altered.</exception>
    public byte[] Decrypt(ReadOnlySpan<byte> sealedData)
    {
        if (sealedData.Length < NonceLength + TagLength)
            throw new CryptographicException("The encrypted data-protection key is truncated.");
        var plaintext = new byte[sealedData.Length - NonceLength - TagLength];
        using var aes = new AesGcm(_encryptionKey, TagLength);
        aes.Decrypt(sealedData[..NonceLength], sealedData[NonceLength..^TagLength], sealedData[^TagLength..], plaintext, AssociatedData);
        return plaintext;
    }
}
