using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Server.Admin.Trunks;

/// <summary>
/// A SIP peer's address as an admin writes it: <c>host[:port]</c>, the host a domain name, an IPv4 address or
/// a bracketed IPv6 address (<c>sip.example.net</c>, <c>203.0.113.5:5080</c>, <c>[2001:db8::1]:5060</c>).
/// </summary>
public static class HostAndPort
{
    private const string Examples = "e.g. sip.example.net, 203.0.113.5:5080 or [2001:db8::1]:5060";

    public static bool TryValidate(string? text, out string error)
    {
        var trimmed = text?.Trim() ?? "";
        error = "";
        if (trimmed.Length == 0)
            error = $"Enter a host, {Examples}";
        else if (!TrySplit(trimmed, out var host, out var port))
            error = $"Write the address as host or host:port, {Examples}";
        else if (!IsHost(host))
            error = $"'{host}' is not a host name or IP address; {Examples}";
        else if (port is not null && !IsPort(port))
            error = "The port after ':' must be a whole number from 1 to 65535";

        return error.Length == 0;
    }

    private static bool TrySplit(string text, out string host, out string? port)
    {
        port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? text : text[..(close + 1)];
            var rest = close < 0 ? "" : text[(close + 1)..];
            if (rest.Length > 0)
                port = rest.StartsWith(':') ? rest[1..] : rest;
            return close > 0 && (rest.Length == 0 || rest.StartsWith(':'));
        }

        var colons = text.Count(c => c == ':');
        if (colons > 1)
        {
            // An IPv6 address without brackets cannot carry a port, and must be bracketed to be unambiguous.
            host = text;
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        host = colon < 0 ? text : text[..colon];
        port = colon < 0 ? null : text[(colon + 1)..];
        return true;
    }

    private static bool IsHost(string host)
    {
        if (host.StartsWith('['))
            return host.EndsWith(']') && IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;

        return Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }

    private static bool IsPort(string port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535;
}
