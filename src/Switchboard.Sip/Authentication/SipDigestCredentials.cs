namespace Switchboard.Sip.Authentication;

/// <summary>What the registrar knows of a user's secret: HA1 for MD5 and for SHA-256 (lower-case hex), never the password.</summary>
public sealed record SipDigestCredentials(string Ha1Md5, string Ha1Sha256)
{
    public string Ha1(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Sha256 ? Ha1Sha256 : Ha1Md5;

    /// <summary>Keeps the hashes out of logs.</summary>
    public override string ToString() => "SipDigestCredentials { *** }";
}
