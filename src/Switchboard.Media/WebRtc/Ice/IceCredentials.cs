using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Media.WebRtc.Ice;

/// <summary>
/// One side's ICE username fragment and password (RFC 8445 §5.3), the a=ice-ufrag and a=ice-pwd values.
/// The password is also the key of every check's MESSAGE-INTEGRITY.
/// </summary>
public sealed record IceCredentials(string UsernameFragment, string Password)
{
    /// <summary>The ice-char set of RFC 8839 §5.4: ALPHA / DIGIT / "+" / "/".</summary>
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Six bits a character: 8 give 48 random bits (24 required), 24 give 144 (128 required).</summary>
    private const int UsernameFragmentLength = 8;
    private const int PasswordLength = 24;

    public static IceCredentials Generate() => new(
        RandomNumberGenerator.GetString(IceChars, UsernameFragmentLength),
        RandomNumberGenerator.GetString(IceChars, PasswordLength));

    /// <summary>The short-term credential key: the password's bytes (ASCII ice-chars need no SASLprep).</summary>
    public byte[] Key => Encoding.UTF8.GetBytes(Password);
}
