using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Switchboard.Server.Security;

/// <summary>
/// Who is making the current change, for rules such as "an admin cannot delete themselves". Works for API
/// requests (the request's user) and for interactive pages (the circuit's authentication state).
/// </summary>
public sealed class CurrentAccount(IHttpContextAccessor http, IServiceProvider services)
{
    public async Task<ClaimsPrincipal> GetPrincipalAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } user)
            return user;
        if (services.GetService<AuthenticationStateProvider>() is { } pages)
        {
            try
            {
                return (await pages.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit (start-up tasks, background work) the provider has no state: nobody is acting.
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>The id of the user making the change, or null when nobody is logged in (start-up tasks).</summary>
    public async Task<Guid?> GetUserIdAsync(CancellationToken cancellationToken) =>
        (await GetPrincipalAsync(cancellationToken)).GetUserId();
}
