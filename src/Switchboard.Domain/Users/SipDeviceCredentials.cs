namespace Switchboard.Domain.Users;

/// <summary>
/// Digest credentials of a user's SIP device. Only the digest hashes (HA1 = H(username:realm:password),
/// RFC 2617 / RFC 8760) are kept, for MD5 and SHA-256, so the password itself is never stored.
/// </summary>
public sealed record SipDeviceCredentials(string Username, string Ha1Md5, string Ha1Sha256);
