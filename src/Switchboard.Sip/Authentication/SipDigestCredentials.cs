namespace Switchboard.Sip.Authentication;

/// <summary>What the registrar knows of a user's secret: HA1 for MD5 and for SHA-256 (lower-case hex), never the password.</summary>
public sealed record SipDigestCredentials(string Ha1Md5, string Ha1Sha256)
{
    /// <summary>
    /// The hashes of <paramref name="username"/>'s <paramref name="password"/> in <paramref name="realm"/>, for both
    /// algorithms: desk phones still mostly answer MD5 challenges only, so the MD5 hash is kept beside SHA-256.
    /// </summary>
    public static SipDigestCredentials Create(string username, string password, string realm)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        ArgumentException.ThrowIfNullOrWhiteSpace(realm);
        return new SipDigestCredentials(
            DigestCalculator.Ha1(DigestAlgorithm.Md5, username, realm, password),
            DigestCalculator.Ha1(DigestAlgorithm.Sha256, username, realm, password));
    }

    public string Ha1(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Sha256 ? Ha1Sha256 : Ha1Md5;

    /// <summary>Keeps the hashes out of logs.</summary>
    public override string ToString() => "SipDigestCredentials { *** }";
}
