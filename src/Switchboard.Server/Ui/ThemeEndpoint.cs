using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Server.Ui;

/// <summary>The app bar's light/dark switch: a form post that sets the theme cookie and returns to the page.</summary>
public static class ThemeEndpoint
{
    public const string Path = "/ui/theme";

    public static IEndpointRouteBuilder MapThemeEndpoint(this IEndpointRouteBuilder app)
    {
        // A form field: the antiforgery token the form carries is checked before this runs.
        app.MapPost(Path, ([FromForm] bool dark, [FromForm] string? returnUrl, HttpContext http) =>
        {
            ThemeCookie.Remember(http.Response, dark);
            return TypedResults.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
