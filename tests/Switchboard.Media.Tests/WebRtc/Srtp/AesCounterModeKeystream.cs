using System.Security.Cryptography;

namespace Switchboard.Media.Tests.WebRtc.Srtp;

/// <summary>
/// The SRTP AES-CM keystream of RFC 3711 §4.1.1, computed independently of libsrtp with .NET's AES-ECB:
/// block i is AES(key, IV + i), IV = (salt·2^16) XOR (SSRC·2^64) XOR (index·2^16).
/// </summary>
internal static class AesCounterModeKeystream
{
    public static byte[] Generate(byte[] sessionKey, byte[] sessionSalt, uint ssrc, ulong packetIndex, int length)
    {
        var iv = new byte[16];
        sessionSalt.CopyTo(iv, 0);
        for (var i = 0; i < 4; i++)
        {
            iv[4 + i] ^= (byte)(ssrc >> (24 - (8 * i)));
        }

        for (var i = 0; i < 6; i++)
        {
            iv[8 + i] ^= (byte)(packetIndex >> (40 - (8 * i)));
        }

        return FromCounter(sessionKey, iv, length);
    }

    /// <summary>The keystream from <paramref name="initialCounter"/> on, the block counter in its last 16 bits.</summary>
    public static byte[] FromCounter(byte[] sessionKey, byte[] initialCounter, int length)
    {
        var blocks = (length + 15) / 16;
        var counters = new byte[blocks * 16];
        var start = (initialCounter[14] << 8) | initialCounter[15];
        for (var block = 0; block < blocks; block++)
        {
            var counter = counters.AsSpan(block * 16, 16);
            initialCounter.CopyTo(counter);
            var value = (start + block) & 0xFFFF;
            counter[14] = (byte)(value >> 8);
            counter[15] = (byte)value;
        }

        using var aes = Aes.Create();
        aes.Key = sessionKey;
        return aes.EncryptEcb(counters, PaddingMode.None)[..length];
    }
}
