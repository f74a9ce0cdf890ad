namespace Switchboard.Sip.Authentication;

/// <summary>The digest algorithms offered and answered (RFC 8760): SHA-256 is preferred, MD5 kept for older phones.</summary>
public enum DigestAlgorithm
{
    Md5,
    Sha256,
}
