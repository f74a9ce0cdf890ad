namespace Switchboard.Server.Ui;

/// <summary>
/// The viewer's time zone, as their browser tells it in a cookie (wwwroot/time-zone.js), so that a page rendered on
/// the server shows times as the viewer's clock does; UTC until the browser has said, or for a zone this server does
/// not know.
/// </summary>
public static class ViewerTimeZone
{
    public const string CookieName = "switchboard.timezone";

    public static TimeZoneInfo Of(HttpContext? context) =>
        context?.Request.Cookies[CookieName] is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.Utc;
}
