using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Switchboard.Server.Security;

/// <summary>
/// A cookie or token whose account was deleted still authenticates, but <see cref="AccountRevalidation"/> leaves it
/// carrying nobody. The framework would answer such a request 403; it is a 401 (or, for a page, the login page),
/// because the caller has to log in again rather than ask for more rights.
/// </summary>
public sealed class RevokedAccountChallenge : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true)
            authorizeResult = PolicyAuthorizationResult.Challenge();
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
