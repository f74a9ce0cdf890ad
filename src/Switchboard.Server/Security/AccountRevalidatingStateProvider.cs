using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Switchboard.Server.Security;

/// <summary>
/// Interactive pages keep the user they were opened with for the life of the circuit; this checks that account
/// again every <see cref="RevalidationInterval"/>, so a deleted user or a changed role or CRM access ends the
/// page's session instead of lasting until the tab is closed.
/// </summary>
public sealed class AccountRevalidatingStateProvider(AccountCache accounts, ILoggerFactory loggerFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (principal.GetUserId() is not { } userId)
            return false;
        var user = await accounts.FindAsync(userId, cancellationToken);
        return user is not null
            && principal.FindFirstValue(SwitchboardClaims.Role) == SwitchboardClaims.RoleValue(user.Role)
            && principal.FindFirstValue(SwitchboardClaims.Crm) == (user.CrmAccess ? "true" : "false");
    }
}
