using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Switchboard.Domain.Users;
using Switchboard.Server.Security;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Lets an admin read the metrics, or a request whose <c>Authorization: Bearer</c> is the configured scrape token
/// (compared in constant time; it is no sign-in token, so the bearer scheme finds no user in it and this decides).
/// </summary>
public sealed class MetricsScrapeAuthorization(IOptions<SwitchboardOptions> options) : AuthorizationHandler<MetricsScrapeRequirement>
{
    private const string Scheme = "Bearer ";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsScrapeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.IsInRole(SwitchboardClaims.RoleValue(Role.Admin)))
            context.Succeed(requirement);
        else if (context.Resource is HttpContext http && options.Value.Metrics.ScrapeToken is { Length: > 0 } token && Presents(http, token))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static bool Presents(HttpContext http, string token)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
