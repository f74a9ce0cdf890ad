using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Domain.Users;

/// <summary>
/// HA1 = H(username ":" realm ":" password) of HTTP/SIP digest authentication (RFC 2617 §3.2.2.2, with SHA-256
/// per RFC 7616 and RFC 8760), as lower-case hex. Keeping HA1 instead of the password is enough to answer
/// and check digest challenges.
/// </summary>
public static class SipDigest
{
    // Desk phones still mostly answer MD5 challenges only, so the MD5 hash must be kept beside SHA-256.
#pragma warning disable CA5351 // MD5 is mandated here by the digest algorithm the peer chose, not picked for strength.
    public static string Ha1Md5(string username, string realm, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Credentials(username, realm, password)));
#pragma warning restore CA5351

    public static string Ha1Sha256(string username, string realm, string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Credentials(username, realm, password)));

    /// <summary>The credentials a SIP device registers with, keeping the hashes and forgetting the password.</summary>
    public static SipDeviceCredentials Create(string username, string password, string realm)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        ArgumentException.ThrowIfNullOrWhiteSpace(realm);
        return new SipDeviceCredentials(username, Ha1Md5(username, realm, password), Ha1Sha256(username, realm, password));
    }

    private static byte[] Credentials(string username, string realm, string password) =>
        Encoding.UTF8.GetBytes($"{username}:{realm}:{password}");
}
