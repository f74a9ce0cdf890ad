using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Server.Security;

/// <summary>The browser's login and logout: plain form posts from the login page, answered with redirects.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", LoginAsync).AllowAnonymous();
        // Cast: a handler taking only HttpContext would otherwise bind as a RequestDelegate and drop its result.
        account.MapPost("/logout", (Delegate)LogoutAsync);
        return app;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string? username,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        PasswordLogin login,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        // Only a path on this site: an absolute returnUrl would let a crafted link send the user elsewhere.
        var target = IsLocalPath(returnUrl) ? returnUrl : "/";
        var check = string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password)
            ? null
            : await login.VerifyAsync(username, password, http.Connection.RemoteIpAddress ?? System.Net.IPAddress.None, cancellationToken);
        if (check?.User is not { } user)
            return Results.Redirect($"/login?error={(check?.IsBlocked == true ? "blocked" : "1")}&returnUrl={Uri.EscapeDataString(target)}");

        var session = Guid.NewGuid().ToString("N");
        await http.SignInAsync(SwitchboardSchemes.Cookie, SwitchboardClaims.PrincipalFor(user, SwitchboardSchemes.Cookie, session));
        return Results.LocalRedirect(target);
    }

    // The form carries the antiforgery token, so another site cannot log a user out; the session ends on the server,
    // so the cookie is worthless even where the browser (or someone who copied it) keeps it.
    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery, EndedSessions endedSessions, TimeProvider time)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The logout form is out of date; reload the page.");

        var cookie = await http.AuthenticateAsync(SwitchboardSchemes.Cookie);
        if (cookie.Principal?.FindFirstValue(SwitchboardClaims.SessionId) is { } session)
        {
            var until = cookie.Properties?.ExpiresUtc ?? time.GetUtcNow() + SecurityRegistration.CookieLifetime;
            await endedSessions.EndAsync(session, until, http.RequestAborted);
        }

        await http.SignOutAsync(SwitchboardSchemes.Cookie);
        return Results.LocalRedirect("/login");
    }

    private static bool IsLocalPath([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        url is ['/'] || url is ['/', var second, ..] && second is not '/' and not '\\';
}
