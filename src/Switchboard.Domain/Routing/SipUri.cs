using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Domain.Routing;

/// <summary>
/// A SIP address a call can be forwarded to: <c>sip:user@host[:port]</c> or <c>sips:user@host[:port]</c>
/// (RFC 3261 §19.1), the host a domain name, an IPv4 address or a bracketed IPv6 address.
/// URI parameters and headers are not accepted: a forward target needs neither.
/// </summary>
public sealed record SipUri(bool Secure, string User, string Host, int? Port)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        var trimmed = text?.Trim() ?? "";
        bool secure;
        string rest;
        if (trimmed.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            secure = true;
            rest = trimmed[5..];
        }
        else if (trimmed.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            secure = false;
            rest = trimmed[4..];
        }
        else
            return false;

        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
            return false;

        var user = rest[..at];
        if (!IsUser(user) || !TrySplitHostPort(rest[(at + 1)..], out var host, out var port))
            return false;

        uri = new SipUri(secure, user, host, port);
        return true;
    }

    public override string ToString() =>
        $"{(Secure ? "sips" : "sip")}:{User}@{Host}{(Port is { } port ? ":" + port.ToString(CultureInfo.InvariantCulture) : "")}";

    // RFC 3261 user: unreserved, escaped (%HH) and user-unreserved characters.
    private static bool IsUser(string user)
    {
        for (var i = 0; i < user.Length; i++)
        {
            var c = user[i];
            if (c == '%')
            {
                if (i + 2 >= user.Length || !char.IsAsciiHexDigit(user[i + 1]) || !char.IsAsciiHexDigit(user[i + 2]))
                    return false;
                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !"-_.!~*'()&=+$,;?/".Contains(c, StringComparison.Ordinal))
                return false;
        }

        return true;
    }

    private static bool TrySplitHostPort(string hostPort, out string host, out int? port)
    {
        host = "";
        port = null;
        string portText;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(hostPort[1..close], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                return false;
            host = hostPort[..(close + 1)];
            portText = hostPort[(close + 1)..];
        }
        else
        {
            var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? hostPort : hostPort[..colon];
            portText = colon < 0 ? "" : hostPort[colon..];
            if (!IsHost(host))
                return false;
        }

        if (portText.Length == 0)
            return true;
        if (portText[0] != ':'
            || !int.TryParse(portText.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > 65535)
            return false;

        port = number;
        return true;
    }

    // RFC 3261 host: a hostname, whose top label starts with a letter, or a dotted IPv4 address.
    private static bool IsHost(string host)
    {
        var name = host.EndsWith('.') ? host[..^1] : host;
        if (name.Length is 0 or > 253)
            return false;

        var labels = name.Split('.');
        if (labels[^1].Length > 0 && char.IsAsciiDigit(labels[^1][0]))
            return IsIPv4(labels);

        return labels.All(label =>
            label.Length is >= 1 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-'
            && label[^1] != '-');
    }

    private static bool IsIPv4(string[] parts) =>
        parts.Length == 4
        && parts.All(part => part.Length is >= 1 and <= 3
            && part.All(char.IsAsciiDigit)
            && int.Parse(part, CultureInfo.InvariantCulture) <= 255);
}
