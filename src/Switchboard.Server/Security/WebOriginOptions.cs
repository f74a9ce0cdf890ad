namespace Switchboard.Server.Security;

/// <summary>Settings under <c>Switchboard:Web</c>: which other web origins may open the events socket.</summary>
public sealed class WebOriginOptions
{
    public const string Section = "Switchboard:Web";

    /// <summary>
    /// Origins (<c>https://crm.example.com</c>) besides the site's own that may open the events WebSocket, e.g. the
    /// public address when a reverse proxy changes the Host header. Empty by default: only the site's own origin.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
