using System.Security.Cryptography;

namespace Switchboard.Sip;

/// <summary>From and To tags (RFC 3261 §19.3): random, at least 32 bits; 64 here.</summary>
public static class SipTag
{
    public static byte[] Create()
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var tag = new byte[16];
        Convert.TryToHexStringLower(random, tag, out _);
        return tag;
    }
}
