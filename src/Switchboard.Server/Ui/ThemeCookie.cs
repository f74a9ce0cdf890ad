namespace Switchboard.Server.Ui;

/// <summary>The browser remembers light or dark mode in a cookie, so every page renders in it from the first byte.</summary>
public static class ThemeCookie
{
    public const string Name = "switchboard.theme";

    private const string Dark = "dark";

    public static bool IsDark(HttpRequest request) => request.Cookies[Name] == Dark;

    public static void Remember(HttpResponse response, bool dark) =>
        response.Cookies.Append(Name, dark ? Dark : "light", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(400),
        });
}
