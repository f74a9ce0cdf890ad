using System.Security.Cryptography;
using Switchboard.Media.WebRtc.Dtls;

namespace Switchboard.Media.Tests.WebRtc.Dtls;

public class CertificateFingerprintTests
{
    [Fact]
    public void Fingerprint_is_written_as_sdp_wants_it()
    {
        var fingerprint = CertificateFingerprint.Sha256Of("certificate"u8);

        var expected = "sha-256 " + string.Join(':', Convert.ToHexString(SHA256.HashData("certificate"u8)).Chunk(2).Select(pair => new string(pair)));
        Assert.Equal(expected, fingerprint.ToString());
    }

    [Fact]
    public void Browser_fingerprint_reads_back_and_matches_its_certificate()
    {
        var certificate = DtlsCertificate.Generate(new FakeTimeProvider());
        var written = certificate.Fingerprint.ToString();

        var parsed = CertificateFingerprint.Parse(written.ToLowerInvariant().Replace("sha-256", "SHA-256", StringComparison.Ordinal));

        Assert.Equal("sha-256", parsed.Algorithm);
        Assert.Equal(certificate.Fingerprint.Digest.ToArray(), parsed.Digest.ToArray());
        Assert.Matches("^sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$", written);
    }

    [Fact]
    public void Fingerprint_does_not_match_another_certificate()
    {
        var fingerprint = CertificateFingerprint.Sha256Of("certificate"u8);

        Assert.True(fingerprint.Matches("certificate"u8));
        Assert.False(fingerprint.Matches("certificatf"u8));
    }

    [Theory]
    [InlineData("sha-256 AB:CD")] // too short for SHA-256
    [InlineData("md5 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89")] // not a hash RFC 8122 allows
    [InlineData("sha-1 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01")] // too weak to trust
    [InlineData("sha-256")]
    [InlineData("")]
    public void What_is_not_a_usable_fingerprint_is_not_read(string value) =>
        Assert.False(CertificateFingerprint.TryParse(value, out _));
}
