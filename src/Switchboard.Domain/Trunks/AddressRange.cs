using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Domain.Trunks;

/// <summary>
/// One IP address or a CIDR block, IPv4 or IPv6, such as a trunk's inbound addresses
/// (<c>203.0.113.5</c>, <c>203.0.113.0/24</c>, <c>2001:db8::/32</c>). Host bits after the prefix are
/// cleared, so <c>192.168.1.10/24</c> means <c>192.168.1.0/24</c>.
/// </summary>
public sealed record AddressRange
{
    private const string Examples = "e.g. 203.0.113.5, 203.0.113.0/24 or 2001:db8::/32";

    private AddressRange(IPAddress network, int prefixLength)
    {
        Network = network;
        PrefixLength = prefixLength;
    }

    /// <summary>The first address of the range.</summary>
    public IPAddress Network { get; }

    /// <summary>How many leading bits an address must share with <see cref="Network"/>: 32 or 128 for one address.</summary>
    public int PrefixLength { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out AddressRange? range, out string error)
    {
        range = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = $"Enter an IP address or a CIDR block, {Examples}";
            return false;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? trimmed : trimmed[..slash];
        if (!TryParseAddress(addressText, out var address))
        {
            error = $"'{addressText}' is not an IP address; {Examples}";
            return false;
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefixLength = maxPrefix;
        if (slash >= 0 && !TryParsePrefix(trimmed[(slash + 1)..], maxPrefix, out prefixLength))
        {
            error = $"The prefix after '/' must be a whole number from 0 to {maxPrefix} for {(maxPrefix == 32 ? "IPv4" : "IPv6")}";
            return false;
        }

        range = new AddressRange(new IPAddress(Masked(address.GetAddressBytes(), prefixLength)), prefixLength);
        error = "";
        return true;
    }

    /// <exception cref="FormatException">The text is not an IP address or CIDR block.</exception>
    public static AddressRange Parse(string text) =>
        TryParse(text, out var range, out var error) ? range : throw new FormatException(error);

    /// <summary>
    /// Whether <paramref name="address"/> lies in this range. An IPv4 address seen through an IPv6 socket
    /// (<c>::ffff:203.0.113.5</c>) counts as the IPv4 address it carries.
    /// </summary>
    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6 && Network.AddressFamily == AddressFamily.InterNetwork)
            address = address.MapToIPv4();
        if (address.AddressFamily != Network.AddressFamily)
            return false;

        return Masked(address.GetAddressBytes(), PrefixLength).AsSpan().SequenceEqual(Network.GetAddressBytes());
    }

    public override string ToString()
    {
        var isSingleAddress = PrefixLength == (Network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return isSingleAddress ? Network.ToString() : $"{Network}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";
    }

    // IPAddress.TryParse also takes shorthand such as "10.1" or "0x0a.0.0.1" and bracketed or scoped IPv6;
    // a trunk's address list should hold only the plain forms people can read back.
    private static bool TryParseAddress(string text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (text.Contains(':', StringComparison.Ordinal))
            return text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.') && IPAddress.TryParse(text, out address);

        var parts = text.Split('.');
        var isDottedQuad = parts.Length == 4
            && parts.All(part => part.Length is >= 1 and <= 3 && part.All(char.IsAsciiDigit) && int.Parse(part, CultureInfo.InvariantCulture) <= 255);
        return isDottedQuad && IPAddress.TryParse(text, out address);
    }

    private static bool TryParsePrefix(string text, int maxPrefix, out int prefixLength) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength) && prefixLength <= maxPrefix;

    private static byte[] Masked(byte[] bytes, int prefixLength)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsKept = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsKept));
        }

        return bytes;
    }
}
