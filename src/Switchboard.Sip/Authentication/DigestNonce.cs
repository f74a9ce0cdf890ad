using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Switchboard.Sip.Authentication;

/// <summary>
/// Nonces that need no server state: the issue time and random bytes, signed with HMAC-SHA256 under the server
/// secret. A nonce is ours if its signature holds, and fresh while its issue time is within the lifetime.
/// </summary>
internal sealed class DigestNonce
{
    private const int PayloadLength = 16;
    private const int SignatureLength = 16;

    private readonly byte[] _secret;

    public DigestNonce(byte[] secret) => _secret = secret;

    public string Create(DateTimeOffset now)
    {
        Span<byte> nonce = stackalloc byte[PayloadLength + SignatureLength];
        BinaryPrimitives.WriteInt64BigEndian(nonce, now.ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce[8..PayloadLength]);
        Sign(nonce[..PayloadLength], nonce[PayloadLength..]);
        return Convert.ToHexStringLower(nonce);
    }

    /// <summary>Whether the nonce was issued here, and when.</summary>
    public bool TryRead(string nonce, out DateTimeOffset issued)
    {
        issued = default;
        Span<byte> bytes = stackalloc byte[PayloadLength + SignatureLength];
        if (nonce.Length != bytes.Length * 2 || Convert.FromHexString(nonce, bytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != bytes.Length)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[SignatureLength];
        Sign(bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadLength..]))
            return false;
        issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        return true;
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> signature)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret, payload, mac);
        mac[..SignatureLength].CopyTo(signature);
    }
}
