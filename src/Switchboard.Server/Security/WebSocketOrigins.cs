using Microsoft.Extensions.Options;

namespace Switchboard.Server.Security;

/// <summary>
/// Whether a WebSocket request may be accepted from where it comes: a browser always says its page's origin, and
/// a page of another site must not ride on the user's cookie (cross-site WebSocket hijacking). A request without
/// an Origin is no browser's, and authenticates on its own (a bearer token).
/// </summary>
public sealed class WebSocketOrigins(IOptions<WebOriginOptions> options)
{
    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return true;
        return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase)
            || options.Value.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
