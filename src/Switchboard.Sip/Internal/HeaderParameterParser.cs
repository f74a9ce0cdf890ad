namespace Switchboard.Sip.Internal;

/// <summary>
/// Header parameters: *( SEMI generic-param ), generic-param = token [ EQUAL gen-value ], gen-value = token / host /
/// quoted-string, with optional whitespace around ";" and "=" (RFC 3261 §25.1).
/// </summary>
internal static class HeaderParameterParser
{
    /// <summary>Parses from <paramref name="position"/> to the end of <paramref name="value"/>.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, int position, out SipParameterList parameters)
    {
        parameters = SipParameterList.Empty;
        var span = value.Span;
        position = SipSyntax.SkipWhitespace(span, position);
        if (position == span.Length)
            return true;
        var list = new List<SipParameter>();
        while (position < span.Length)
        {
            if (span[position] != (byte)';')
                return false;
            position = SipSyntax.SkipWhitespace(span, position + 1);
            var nameStart = position;
            position = SipSyntax.ScanToken(span, position);
            if (position == nameStart)
                return false;
            var name = value[nameStart..position];
            position = SipSyntax.SkipWhitespace(span, position);
            if (position < span.Length && span[position] == (byte)'=')
            {
                position = SipSyntax.SkipWhitespace(span, position + 1);
                if (!TryParseValue(value, ref position, out var parameterValue))
                    return false;
                list.Add(new SipParameter(name, parameterValue, hasValue: true));
                position = SipSyntax.SkipWhitespace(span, position);
            }
            else
            {
                list.Add(new SipParameter(name, default, hasValue: false));
            }
        }
        parameters = new SipParameterList(list);
        return true;
    }

    private static bool TryParseValue(ReadOnlyMemory<byte> value, ref int position, out ReadOnlyMemory<byte> parameterValue)
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
        // token or host: an IPv6 reference adds brackets and colons.
        while (position < span.Length && (SipSyntax.IsTokenChar(span[position]) || span[position] is (byte)'[' or (byte)']' or (byte)':'))
            position++;
        if (position == start)
            return false;
        parameterValue = value[start..position];
        return true;
    }
}
