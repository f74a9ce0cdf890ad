using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>
/// The self-signed ECDSA P-256 certificate our DTLS handshakes present. Nobody checks its name or
/// dates: the peer trusts it because its SHA-256 <see cref="Fingerprint"/> came in our SDP (RFC 8827 §6.5).
/// Generated once at start; .NET creates it, OpenSSL loads the DER forms.
/// </summary>
public sealed class DtlsCertificate
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    private readonly byte[] _der;
    private readonly byte[] _privateKeyPkcs8;

    private DtlsCertificate(byte[] der, byte[] privateKeyPkcs8)
    {
        _der = der;
        _privateKeyPkcs8 = privateKeyPkcs8;
        Fingerprint = CertificateFingerprint.Sha256Of(der);
    }

    /// <summary>What a=fingerprint says about us.</summary>
    public CertificateFingerprint Fingerprint { get; }

    internal ReadOnlySpan<byte> Der => _der;

    internal ReadOnlySpan<byte> PrivateKeyPkcs8 => _privateKeyPkcs8;

    public static DtlsCertificate Generate(TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Switchboard", key, HashAlgorithmName.SHA256);
        var now = time.GetUtcNow();

        // A day of slack before now, for a peer whose clock is behind ours.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now + Validity);
        return new DtlsCertificate(certificate.RawData, key.ExportPkcs8PrivateKey());
    }
}
