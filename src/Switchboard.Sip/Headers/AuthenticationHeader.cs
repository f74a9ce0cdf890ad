using System.Text;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip.Headers;

/// <summary>
/// A challenge (WWW-Authenticate, Proxy-Authenticate) or credentials (Authorization, Proxy-Authorization):
/// auth-scheme LWS auth-param *(COMMA auth-param), values a token or a quoted string (RFC 3261 §25.1, RFC 2617).
/// Each header line is one challenge or credentials; its commas separate parameters, not list elements.
/// </summary>
public sealed class AuthenticationHeader
{
    private AuthenticationHeader(ReadOnlyMemory<byte> scheme, SipParameterList parameters)
    {
        Scheme = scheme;
        Parameters = parameters;
    }

    public ReadOnlyMemory<byte> Scheme { get; }

    public bool IsDigest => Ascii.EqualsIgnoreCase(Scheme.Span, "Digest"u8);

    /// <summary>The auth-params, values unquoted (realm, nonce, qop, username, response, ...).</summary>
    public SipParameterList Parameters { get; }

    public static bool TryParse(ReadOnlyMemory<byte> value, out AuthenticationHeader header)
    {
        header = null!;
        var span = value.Span;
        var schemeStart = SipSyntax.SkipWhitespace(span, 0);
        var schemeEnd = SipSyntax.ScanToken(span, schemeStart);
        if (schemeEnd == schemeStart)
            return false;
        var position = SipSyntax.SkipWhitespace(span, schemeEnd);
        if (position == schemeEnd)
            return false;
        var parameters = new List<SipParameter>();
        while (true)
        {
            var nameStart = position;
            position = SipSyntax.ScanToken(span, position);
            if (position == nameStart)
                return false;
            var name = value[nameStart..position];
            position = SipSyntax.SkipWhitespace(span, position);
            if (position == span.Length || span[position] != (byte)'=')
                return false;
            position = SipSyntax.SkipWhitespace(span, position + 1);
            if (!TryReadValue(value, ref position, out var parameterValue))
                return false;
            parameters.Add(new SipParameter(name, parameterValue, hasValue: true));
            position = SipSyntax.SkipWhitespace(span, position);
            if (position == span.Length)
                break;
            if (span[position] != (byte)',')
                return false;
            position = SipSyntax.SkipWhitespace(span, position + 1);
        }
        header = new AuthenticationHeader(value[schemeStart..schemeEnd], new SipParameterList(parameters));
        return true;
    }

    private static bool TryReadValue(ReadOnlyMemory<byte> value, ref int position, out ReadOnlyMemory<byte> parameterValue)
    {
        var span = value.Span;
        parameterValue = default;
        if (position < span.Length && span[position] == (byte)'"')
        {
            var end = SipSyntax.ScanQuotedString(span, position);
            if (end < 0)
                return false;
            parameterValue = SipSyntax.Unquote(value[position..end]);
            position = end;
            return true;
        }
        var start = position;
        position = SipSyntax.ScanToken(span, position);
        parameterValue = value[start..position];
        return position > start;
    }
}
