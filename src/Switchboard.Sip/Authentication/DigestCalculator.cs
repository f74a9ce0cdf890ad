using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Sip.Authentication;

/// <summary>The digest computations of RFC 2617 §3.2.2 (and RFC 7616 for SHA-256), as lower-case hex.</summary>
public static class DigestCalculator
{
    /// <summary>The algorithm parameter's value: "MD5" or "SHA-256".</summary>
    public static string Name(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Sha256 ? "SHA-256" : "MD5";

    /// <summary>The algorithm a parameter names (case-insensitive); absent means MD5 (RFC 2617 §3.2.1).</summary>
    public static bool TryParse(string? name, out DigestAlgorithm algorithm)
    {
        algorithm = DigestAlgorithm.Md5;
        if (name is null || name.Equals("MD5", StringComparison.OrdinalIgnoreCase))
            return true;
        algorithm = DigestAlgorithm.Sha256;
        return name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>HA1 = H(username ":" realm ":" password).</summary>
    public static string Ha1(DigestAlgorithm algorithm, string username, string realm, string password) =>
        Hash(algorithm, $"{username}:{realm}:{password}");

    /// <summary>
    /// request-digest = KD(HA1, nonce ":" nc ":" cnonce ":" qop ":" HA2) with qop, or KD(HA1, nonce ":" HA2) without
    /// (RFC 2069 compatibility); HA2 = H(method ":" digest-uri).
    /// </summary>
    public static string Response(DigestAlgorithm algorithm, string ha1, string nonce, string? nonceCount, string? clientNonce,
        string? qop, string method, string digestUri)
    {
        var ha2 = Hash(algorithm, $"{method}:{digestUri}");
        return qop is null
            ? Hash(algorithm, $"{ha1}:{nonce}:{ha2}")
            : Hash(algorithm, $"{ha1}:{nonce}:{nonceCount}:{clientNonce}:{qop}:{ha2}");
    }

    internal static string Hash(DigestAlgorithm algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351 // MD5 is what the peer's digest algorithm requires, not a choice made for strength.
        return Convert.ToHexStringLower(algorithm == DigestAlgorithm.Sha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes));
#pragma warning restore CA5351
    }
}
