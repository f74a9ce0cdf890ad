using System.Net;

namespace Switchboard.Sip.Authentication;

/// <summary>
/// Brute-force limits on digest authentication, implemented outside the SIP layer: asked before credentials are
/// checked, and told how each check ended. Called on the SIP message loop, so it must answer from memory.
/// </summary>
public interface ISipAuthenticationGuard
{
    /// <summary>How long attempts from <paramref name="source"/> (for <paramref name="username"/>, once known) are refused; zero when allowed.</summary>
    TimeSpan RefusedFor(IPEndPoint source, string? username);

    /// <summary>The credentials were wrong, or named no user (<paramref name="verdict"/> says which).</summary>
    void Failed(IPEndPoint source, string username, string method, DigestVerdict verdict);

    void Succeeded(IPEndPoint source, string username);
}
