using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Switchboard.Server.Security;

/// <summary>
/// Rebuilds the claims of every authenticated request from the account as it is now: a deleted user loses access
/// and a changed role or CRM access applies, whatever the cookie or token was issued with.
/// </summary>
public sealed class AccountRevalidation(AccountCache accounts, IHttpContextAccessor http) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true } identity)
            return principal;

        var user = principal.GetUserId() is { } userId
            ? await accounts.FindAsync(userId, http.HttpContext?.RequestAborted ?? CancellationToken.None)
            : null;
        // A deleted user, or a login made with a password changed since, is anonymous from now on.
        return user is null || principal.FindFirstValue(SwitchboardClaims.PasswordStamp) != SwitchboardClaims.PasswordStampOf(user)
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : SwitchboardClaims.PrincipalFor(user, identity.AuthenticationType ?? SwitchboardSchemes.CookieOrBearer);
    }
}
