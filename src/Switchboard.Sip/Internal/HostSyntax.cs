namespace Switchboard.Sip.Internal;

/// <summary>host = hostname / IPv4address / IPv6reference, and port (RFC 3261 §25.1).</summary>
internal static class HostSyntax
{
    /// <summary>Length of the host starting at <paramref name="position"/>, or 0 when there is none.</summary>
    public static int ScanHost(ReadOnlySpan<byte> span, int position)
    {
        if (position < span.Length && span[position] == (byte)'[')
        {
            var close = span[position..].IndexOf((byte)']');
            if (close < 0 || !IsIPv6(span.Slice(position + 1, close - 1)))
                return 0;
            return close + 1;
        }
        var end = position;
        while (end < span.Length && (SipSyntax.IsAlphaNumeric(span[end]) || span[end] is (byte)'-' or (byte)'.'))
            end++;
        var host = span[position..end];
        return IsIPv4(host) || IsHostname(host) ? end - position : 0;
    }

    /// <summary>An IPv4 or IPv6 address without brackets, as in Via's received parameter.</summary>
    public static bool IsIPAddress(ReadOnlySpan<byte> address) => IsIPv6(address) || IsIPv4(address);

    public static bool TryParsePort(ReadOnlySpan<byte> digits, out int port)
    {
        var ok = SipSyntax.TryParseNumber(digits, 65535, out var value);
        port = (int)value;
        return ok;
    }

    /// <summary>
    /// hostname = *( domainlabel "." ) toplabel [ "." ] (RFC 3261 §25.1): labels of letters, digits and inner hyphens,
    /// the top one starting with a letter (so that 10.1 or 999.1.1.1 is no name), within DNS's lengths (253, 63).
    /// </summary>
    private static bool IsHostname(ReadOnlySpan<byte> host)
    {
        var name = host.EndsWith("."u8) ? host[..^1] : host;
        if (name.IsEmpty || name.Length > 253)
            return false;
        var topLabel = name[(name.LastIndexOf((byte)'.') + 1)..];
        if (topLabel.IsEmpty || !SipSyntax.IsAlpha(topLabel[0]))
            return false;
        foreach (var range in name.Split((byte)'.'))
        {
            var label = name[range];
            if (label.IsEmpty || label.Length > 63 || label[0] == (byte)'-' || label[^1] == (byte)'-')
                return false;
        }
        return true;
    }

    private static bool IsIPv4(ReadOnlySpan<byte> address)
    {
        var parts = 0;
        foreach (var range in address.Split((byte)'.'))
        {
            if (!SipSyntax.TryParseNumber(address[range], 255, out _) || address[range].Length > 3)
                return false;
            parts++;
        }
        return parts == 4;
    }

    private static bool IsIPv6(ReadOnlySpan<byte> address)
    {
        var colons = 0;
        foreach (var b in address)
        {
            if (b == (byte)':')
                colons++;
            else if (!SipSyntax.IsHexDigit(b) && b != (byte)'.')
                return false;
        }
        return colons >= 2;
    }
}
