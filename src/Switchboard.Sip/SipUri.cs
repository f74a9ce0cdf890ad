using System.Diagnostics.CodeAnalysis;
using System.Text;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip;

/// <summary>
/// A URI as SIP carries it (RFC 3261 §19.1): sip: and sips: split into user, password, host, port, parameters and
/// headers with %-escapes resolved; tel: split into number and parameters; any other scheme kept whole.
/// </summary>
public sealed class SipUri
{
    private SipUri(ReadOnlyMemory<byte> raw, SipUriScheme scheme, ReadOnlyMemory<byte> schemeName)
    {
        Raw = raw;
        Scheme = scheme;
        SchemeName = schemeName;
    }

    /// <summary>The URI exactly as received.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    public SipUriScheme Scheme { get; }

    public ReadOnlyMemory<byte> SchemeName { get; }

    public bool IsSip => Scheme is SipUriScheme.Sip or SipUriScheme.Sips;

    /// <summary>The user (sip, sips) or the telephone number (tel), unescaped; empty when absent.</summary>
    public ReadOnlyMemory<byte> User { get; private set; }

    public bool HasUser { get; private set; }

    public ReadOnlyMemory<byte> Password { get; private set; }

    public bool HasPassword { get; private set; }

    /// <summary>Host name or address as written; an IPv6 reference keeps its brackets.</summary>
    public ReadOnlyMemory<byte> Host { get; private set; }

    /// <summary>The explicit port, or null when the URI names none.</summary>
    public int? Port { get; private set; }

    public SipParameterList Parameters { get; private set; } = SipParameterList.Empty;

    /// <summary>The "?name=value" headers of the URI, unescaped.</summary>
    public SipParameterList Headers { get; private set; } = SipParameterList.Empty;

    /// <summary>A valid absolute URI of any scheme; false when it is malformed (including a malformed SIP URI).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out SipUri uri)
    {
        uri = null!;
        var span = value.Span;
        var colon = span.IndexOf((byte)':');
        if (colon <= 0 || !IsScheme(span[..colon]) || colon == span.Length - 1)
            return false;
        var schemeName = value[..colon];
        var scheme = ClassifyScheme(schemeName.Span);
        var result = new SipUri(value, scheme, schemeName);
        var rest = value[(colon + 1)..];
        var parsed = scheme switch
        {
            SipUriScheme.Sip or SipUriScheme.Sips => result.TryParseSip(rest),
            SipUriScheme.Tel => result.TryParseTel(rest),
            _ => IsOpaque(rest.Span),
        };
        if (parsed)
            uri = result;
        return parsed;
    }

    /// <summary>
    /// A SIP address as a person writes one, such as a forward target: sip: or sips:, a user and a host, and
    /// optionally a port from 1 to 65535 — the form of an address of record (RFC 3261 §10.2.1), with no password,
    /// parameters or headers. White space around it is ignored.
    /// </summary>
    public static bool TryParseAddress(string? text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || !TryParse(Encoding.UTF8.GetBytes(trimmed), out var parsed))
            return false;
        if (!parsed.IsSip || !parsed.HasUser || parsed.HasPassword || parsed.Port == 0 || parsed.Parameters.Count > 0 || parsed.Headers.Count > 0)
            return false;
        uri = parsed;
        return true;
    }

    public override string ToString() => Encoding.UTF8.GetString(Raw.Span);

    private bool TryParseSip(ReadOnlyMemory<byte> rest)
    {
        var span = rest.Span;
        // No '@' may appear unescaped after the userinfo, so the first one ends it.
        var at = span.IndexOf((byte)'@');
        var position = 0;
        if (at >= 0)
        {
            if (!TryParseUserInfo(rest[..at]))
                return false;
            position = at + 1;
        }
        var hostLength = HostSyntax.ScanHost(span, position);
        if (hostLength == 0)
            return false;
        Host = rest.Slice(position, hostLength);
        position += hostLength;
        if (position < span.Length && span[position] == (byte)':')
        {
            var portStart = ++position;
            while (position < span.Length && SipSyntax.IsDigit(span[position]))
                position++;
            if (!HostSyntax.TryParsePort(span[portStart..position], out var port))
                return false;
            Port = port;
        }
        return TryParseParametersAndHeaders(rest, position);
    }

    private bool TryParseUserInfo(ReadOnlyMemory<byte> userInfo)
    {
        var span = userInfo.Span;
        var colon = span.IndexOf((byte)':');
        var user = colon < 0 ? userInfo : userInfo[..colon];
        if (user.IsEmpty || !AllOf(user.Span, IsUserChar) || !PercentEncoding.TryDecode(user, out var decodedUser))
            return false;
        User = decodedUser;
        HasUser = true;
        if (colon < 0)
            return true;
        var password = userInfo[(colon + 1)..];
        if (!AllOf(password.Span, IsPasswordChar) || !PercentEncoding.TryDecode(password, out var decodedPassword))
            return false;
        Password = decodedPassword;
        HasPassword = true;
        return true;
    }

    private bool TryParseTel(ReadOnlyMemory<byte> rest)
    {
        var span = rest.Span;
        var end = span.IndexOf((byte)';');
        if (end < 0)
            end = span.Length;
        if (end == 0 || !AllOf(span[..end], IsParameterChar))
            return false;
        User = rest[..end];
        HasUser = true;
        return TryParseParametersAndHeaders(rest, end);
    }

    private bool TryParseParametersAndHeaders(ReadOnlyMemory<byte> rest, int position)
    {
        var span = rest.Span;
        var question = span[position..].IndexOf((byte)'?');
        var parametersEnd = question < 0 ? span.Length : position + question;
        if (!TryParsePairs(rest[position..parametersEnd], (byte)';', IsParameterChar, requireValue: false, out var parameters))
            return false;
        Parameters = parameters;
        if (question < 0)
            return true;
        if (!TryParsePairs(rest[parametersEnd..], (byte)'?', IsHeaderChar, requireValue: true, out var headers))
            return false;
        Headers = headers;
        return true;
    }

    /// <summary>Pairs each introduced by a separator (';' or '?', then '&amp;' for headers): name [ "=" value ].</summary>
    private static bool TryParsePairs(ReadOnlyMemory<byte> pairs, byte first, Func<byte, bool> isAllowed, bool requireValue, out SipParameterList list)
    {
        list = SipParameterList.Empty;
        if (pairs.IsEmpty)
            return true;
        var span = pairs.Span;
        var separator = first == (byte)'?' ? (byte)'&' : first;
        if (span[0] != first)
            return false;
        var items = new List<SipParameter>();
        var position = 1;
        while (true)
        {
            var end = span[position..].IndexOf(separator);
            end = end < 0 ? span.Length : position + end;
            var pair = pairs[position..end];
            var equals = pair.Span.IndexOf((byte)'=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? default : pair[(equals + 1)..];
            if (name.IsEmpty || (requireValue && equals < 0) || (!requireValue && equals >= 0 && value.IsEmpty)
                || !AllOf(name.Span, isAllowed) || !AllOf(value.Span, isAllowed)
                || !PercentEncoding.TryDecode(name, out var decodedName) || !PercentEncoding.TryDecode(value, out var decodedValue))
            {
                return false;
            }
            items.Add(new SipParameter(decodedName, decodedValue, equals >= 0));
            if (end == span.Length)
                break;
            position = end + 1;
        }
        list = new SipParameterList(items);
        return true;
    }

    private static SipUriScheme ClassifyScheme(ReadOnlySpan<byte> scheme) =>
        Ascii.EqualsIgnoreCase(scheme, "sip"u8) ? SipUriScheme.Sip
        : Ascii.EqualsIgnoreCase(scheme, "sips"u8) ? SipUriScheme.Sips
        : Ascii.EqualsIgnoreCase(scheme, "tel"u8) ? SipUriScheme.Tel
        : SipUriScheme.Other;

    /// <summary>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    private static bool IsScheme(ReadOnlySpan<byte> scheme)
    {
        if (!SipSyntax.IsAlpha(scheme[0]))
            return false;
        foreach (var b in scheme)
        {
            if (!SipSyntax.IsAlphaNumeric(b) && b is not ((byte)'+' or (byte)'-' or (byte)'.'))
                return false;
        }
        return true;
    }

    /// <summary>The rest of an absolute URI of an unknown scheme: visible characters, no delimiters of SIP syntax.</summary>
    private static bool IsOpaque(ReadOnlySpan<byte> rest) => AllOf(rest, b => b is > 0x20 and < 0x7F and not ((byte)'<' or (byte)'>' or (byte)'"'));

    private static bool AllOf(ReadOnlySpan<byte> span, Func<byte, bool> predicate)
    {
        foreach (var b in span)
        {
            if (!predicate(b))
                return false;
        }
        return true;
    }

    /// <summary>unreserved = alphanum / mark; mark = - _ . ! ~ * ' ( ).</summary>
    private static bool IsUnreserved(byte b) => SipSyntax.IsAlphaNumeric(b)
        || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'!' or (byte)'~' or (byte)'*' or (byte)'\'' or (byte)'(' or (byte)')';

    private static bool IsUserChar(byte b) => IsUnreserved(b) || b is (byte)'%' or (byte)'&' or (byte)'=' or (byte)'+'
        or (byte)'$' or (byte)',' or (byte)';' or (byte)'?' or (byte)'/';

    private static bool IsPasswordChar(byte b) => IsUnreserved(b) || b is (byte)'%' or (byte)'&' or (byte)'=' or (byte)'+'
        or (byte)'$' or (byte)',';

    private static bool IsParameterChar(byte b) => IsUnreserved(b) || b is (byte)'%' or (byte)'[' or (byte)']' or (byte)'/'
        or (byte)':' or (byte)'&' or (byte)'+' or (byte)'$';

    private static bool IsHeaderChar(byte b) => IsUnreserved(b) || b is (byte)'%' or (byte)'[' or (byte)']' or (byte)'/'
        or (byte)'?' or (byte)':' or (byte)'+' or (byte)'$';
}
