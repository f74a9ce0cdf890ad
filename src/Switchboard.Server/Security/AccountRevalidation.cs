using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Switchboard.Server.Security;

/// <summary>
/// Rebuilds the claims of every authenticated request from the account as it is now: a deleted user loses access
/// and a changed role or CRM access applies, whatever the cookie or token was issued with; a cookie of a session
/// that was logged out carries nobody.
/// </summary>
public sealed class AccountRevalidation(AccountCache accounts, EndedSessions endedSessions, IHttpContextAccessor http) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true } identity)
            return principal;

        var cancellationToken = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        var user = principal.GetUserId() is { } userId ? await accounts.FindAsync(userId, cancellationToken) : null;
        var sessionId = principal.FindFirstValue(SwitchboardClaims.SessionId);
        // A deleted user, a login made with a password changed since, or a session logged out is anonymous from now on.
        return user is null
            || principal.FindFirstValue(SwitchboardClaims.PasswordStamp) != SwitchboardClaims.PasswordStampOf(user)
            || (sessionId is not null && await endedSessions.IsEndedAsync(sessionId, cancellationToken))
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : SwitchboardClaims.PrincipalFor(user, identity.AuthenticationType ?? SwitchboardSchemes.CookieOrBearer, sessionId);
    }
}
