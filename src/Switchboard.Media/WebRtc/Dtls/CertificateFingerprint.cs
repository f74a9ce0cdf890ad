using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>
/// A certificate's a=fingerprint (RFC 8122 §5), e.g. <c>sha-256 AB:CD:…</c>: the hash that binds the
/// self-signed certificate of the DTLS handshake to the signalled SDP.
/// </summary>
public sealed class CertificateFingerprint
{
    private readonly byte[] _digest;

    private CertificateFingerprint(string algorithm, byte[] digest)
    {
        Algorithm = algorithm;
        _digest = digest;
    }

    /// <summary>The hash function's name as SDP writes it: sha-256, sha-384 or sha-512 (SHA-1 is too weak to bind a key to).</summary>
    public string Algorithm { get; }

    public ReadOnlySpan<byte> Digest => _digest;

    /// <summary>The SHA-256 fingerprint of a DER certificate, the kind browsers send and expect.</summary>
    public static CertificateFingerprint Sha256Of(ReadOnlySpan<byte> certificateDer) => new("sha-256", SHA256.HashData(certificateDer));

    public static CertificateFingerprint Parse(string value) =>
        TryParse(value, out var fingerprint) ? fingerprint : throw new FormatException($"not an a=fingerprint value: {value}");

    public static bool TryParse(string? value, [NotNullWhen(true)] out CertificateFingerprint? fingerprint)
    {
        fingerprint = null;
        var parts = value?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var name, var hex] || DigestLength(name.ToLowerInvariant()) is not { } length)
        {
            return false;
        }

        var octets = hex.Split(':');
        if (octets.Length != length)
        {
            return false;
        }

        var digest = new byte[length];
        for (var i = 0; i < length; i++)
        {
            if (octets[i].Length != 2 || !byte.TryParse(octets[i], NumberStyles.AllowHexSpecifier, null, out digest[i]))
            {
                return false;
            }
        }

        fingerprint = new CertificateFingerprint(name.ToLowerInvariant(), digest);
        return true;
    }

    /// <summary>True when <paramref name="certificateDer"/> hashes, under this fingerprint's algorithm, to it.</summary>
    public bool Matches(ReadOnlySpan<byte> certificateDer)
    {
        byte[] actual = Algorithm switch
        {
            "sha-256" => SHA256.HashData(certificateDer),
            "sha-384" => SHA384.HashData(certificateDer),
            _ => SHA512.HashData(certificateDer),
        };
        return CryptographicOperations.FixedTimeEquals(actual, _digest);
    }

    /// <summary>The a=fingerprint value: algorithm, a space, upper-case hex octets joined by colons.</summary>
    public override string ToString() => $"{Algorithm} {string.Join(':', Convert.ToHexString(_digest).Chunk(2).Select(pair => new string(pair)))}";

    private static int? DigestLength(string algorithm) => algorithm switch
    {
        "sha-256" => 32,
        "sha-384" => 48,
        "sha-512" => 64,
        _ => null,
    };
}
