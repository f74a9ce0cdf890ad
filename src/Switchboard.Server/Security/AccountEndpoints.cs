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

        await http.SignInAsync(SwitchboardSchemes.Cookie, SwitchboardClaims.PrincipalFor(user, SwitchboardSchemes.Cookie));
        return Results.LocalRedirect(target);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(SwitchboardSchemes.Cookie);
        return Results.LocalRedirect("/login");
    }

    private static bool IsLocalPath([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        url is ['/'] || url is ['/', var second, ..] && second is not '/' and not '\\';
}
