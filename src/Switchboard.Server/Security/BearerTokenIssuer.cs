using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Switchboard.Domain.Users;

namespace Switchboard.Server.Security;

/// <summary>
/// Issues the API's bearer tokens: the user's claims protected with the data-protection keys kept in the
/// database, which is why a token outlives a restart and is accepted by every node.
/// </summary>
public sealed class BearerTokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    /// <summary>About a working day, so an integration logs in again daily rather than holding a token for ever.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public IssuedToken Issue(User user)
    {
        var issuedAt = time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = issuedAt, ExpiresUtc = issuedAt + Lifetime };
        var ticket = new AuthenticationTicket(SwitchboardClaims.PrincipalFor(user, SwitchboardSchemes.Bearer), properties, SwitchboardSchemes.Bearer);
        var token = options.Get(SwitchboardSchemes.Bearer).BearerTokenProtector.Protect(ticket);
        return new IssuedToken(token, issuedAt + Lifetime);
    }
}
