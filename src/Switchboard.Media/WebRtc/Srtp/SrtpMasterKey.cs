namespace Switchboard.Media.WebRtc.Srtp;

/// <summary>
/// The master key and master salt of one direction of AES_CM_128_HMAC_SHA1_80 SRTP (RFC 3711 §8.2,
/// RFC 5764 §4.2): 16 and 14 bytes. libsrtp derives the session keys from them.
/// </summary>
public sealed class SrtpMasterKey
{
    public const int KeyLength = 16;
    public const int SaltLength = 14;

    private readonly byte[] _keyAndSalt;

    public SrtpMasterKey(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt)
    {
        if (key.Length != KeyLength || salt.Length != SaltLength)
        {
            throw new ArgumentException($"an AES_CM_128_HMAC_SHA1_80 master key is {KeyLength} bytes and its salt {SaltLength}");
        }

        _keyAndSalt = [.. key, .. salt];
    }

    public ReadOnlySpan<byte> Key => _keyAndSalt.AsSpan(0, KeyLength);

    public ReadOnlySpan<byte> Salt => _keyAndSalt.AsSpan(KeyLength);

    /// <summary>Key then salt, the layout libsrtp's policy takes.</summary>
    internal ReadOnlySpan<byte> KeyAndSalt => _keyAndSalt;
}
