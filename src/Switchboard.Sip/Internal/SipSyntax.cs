namespace Switchboard.Sip.Internal;

/// <summary>Character classes and small scanners of the RFC 3261 grammar (§25.1), over bytes.</summary>
internal static class SipSyntax
{
    public const byte Cr = (byte)'\r';
    public const byte Lf = (byte)'\n';
    public const byte Space = (byte)' ';
    public const byte Tab = (byte)'\t';

    public static bool IsWhitespace(byte b) => b is Space or Tab;

    public static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsAlphaNumeric(byte b) => IsAlpha(b) || IsDigit(b);

    public static bool IsHexDigit(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsTokenChar(byte b) => IsAlphaNumeric(b) || b is (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%'
        or (byte)'*' or (byte)'_' or (byte)'+' or (byte)'`' or (byte)'\'' or (byte)'~';

    public static bool IsToken(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
            return false;
        foreach (var b in value)
        {
            if (!IsTokenChar(b))
                return false;
        }
        return true;
    }

    /// <summary>word (Call-ID) = token characters plus ( ) &lt; &gt; : \ " / [ ] ? { }.</summary>
    public static bool IsWordChar(byte b) => IsTokenChar(b) || b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>'
        or (byte)':' or (byte)'\\' or (byte)'"' or (byte)'/' or (byte)'[' or (byte)']' or (byte)'?' or (byte)'{' or (byte)'}';

    public static int SkipWhitespace(ReadOnlySpan<byte> span, int position)
    {
        while (position < span.Length && IsWhitespace(span[position]))
            position++;
        return position;
    }

    public static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> span)
    {
        var start = 0;
        var end = span.Length;
        while (start < end && IsWhitespace(span[start]))
            start++;
        while (end > start && IsWhitespace(span[end - 1]))
            end--;
        return span[start..end];
    }

    public static (int Start, int Length) TrimRange(ReadOnlySpan<byte> span, int start, int end)
    {
        while (start < end && IsWhitespace(span[start]))
            start++;
        while (end > start && IsWhitespace(span[end - 1]))
            end--;
        return (start, end - start);
    }

    public static int ScanToken(ReadOnlySpan<byte> span, int position)
    {
        while (position < span.Length && IsTokenChar(span[position]))
            position++;
        return position;
    }

    /// <summary>Decimal digits only, no sign, no overflow past <paramref name="max"/>.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> digits, ulong max, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty)
            return false;
        foreach (var b in digits)
        {
            if (!IsDigit(b))
                return false;
            var next = (value * 10) + (ulong)(b - '0');
            if (value > max / 10 || next > max)
                return false;
            value = next;
        }
        return true;
    }

    /// <summary>
    /// Finds the end of a quoted-string that starts at <paramref name="position"/> (the opening quote);
    /// returns the index after the closing quote, or -1 when it is unterminated or holds a forbidden byte.
    /// </summary>
    public static int ScanQuotedString(ReadOnlySpan<byte> span, int position)
    {
        for (var i = position + 1; i < span.Length; i++)
        {
            var b = span[i];
            if (b == (byte)'"')
                return i + 1;
            if (b == (byte)'\\')
            {
                // quoted-pair: any byte but CR and LF may follow.
                if (i + 1 >= span.Length || span[i + 1] is Cr or Lf)
                    return -1;
                i++;
                continue;
            }
            if ((b < 0x20 && b != Tab) || b == 0x7F)
                return -1;
        }
        return -1;
    }

    /// <summary>The content of a quoted-string (quotes excluded) with its quoted-pairs resolved.</summary>
    public static ReadOnlyMemory<byte> Unquote(ReadOnlyMemory<byte> quoted)
    {
        var inner = quoted[1..^1];
        if (inner.Span.IndexOf((byte)'\\') < 0)
            return inner;
        var source = inner.Span;
        var result = new byte[source.Length];
        var length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == (byte)'\\')
                i++;
            result[length++] = source[i];
        }
        return result.AsMemory(0, length);
    }
}
