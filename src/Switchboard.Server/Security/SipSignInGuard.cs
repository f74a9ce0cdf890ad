using System.Net;
using Switchboard.Sip.Authentication;

namespace Switchboard.Server.Security;

/// <summary>The SIP registrar's and INVITE admission's brute-force limits: the "sip" <see cref="SignInThrottle"/>.</summary>
public sealed class SipSignInGuard([FromKeyedServices(SignInLimitsRegistration.Sip)] SignInThrottle throttle) : ISipAuthenticationGuard
{
    public TimeSpan RefusedFor(IPEndPoint source, string? username) => throttle.RefusedFor(source.Address, username);

    public void Failed(IPEndPoint source, string username, string method, DigestVerdict verdict) =>
        throttle.Failed(source.Address, username, $"{method} {(verdict == DigestVerdict.UnknownUser ? "unknown device" : "wrong password")}");

    public void Succeeded(IPEndPoint source, string username) => throttle.Succeeded(source.Address, username);
}
