namespace Switchboard.Sip.Internal;

/// <summary>%HH escapes of URIs (RFC 3261 §19.1.2, RFC 3986 §2.1).</summary>
internal static class PercentEncoding
{
    /// <summary>
    /// Decodes the escapes of <paramref name="escaped"/>; returns the same memory when there is none.
    /// Fails on a '%' not followed by two hex digits.
    /// </summary>
    public static bool TryDecode(ReadOnlyMemory<byte> escaped, out ReadOnlyMemory<byte> decoded)
    {
        var source = escaped.Span;
        var first = source.IndexOf((byte)'%');
        if (first < 0)
        {
            decoded = escaped;
            return true;
        }
        var result = new byte[source.Length];
        source[..first].CopyTo(result);
        var length = first;
        for (var i = first; i < source.Length; i++)
        {
            var b = source[i];
            if (b == (byte)'%')
            {
                if (i + 2 >= source.Length || !SipSyntax.IsHexDigit(source[i + 1]) || !SipSyntax.IsHexDigit(source[i + 2]))
                {
                    decoded = default;
                    return false;
                }
                b = (byte)((HexValue(source[i + 1]) << 4) | HexValue(source[i + 2]));
                i += 2;
            }
            result[length++] = b;
        }
        decoded = result.AsMemory(0, length);
        return true;
    }

    private static int HexValue(byte b) => SipSyntax.IsDigit(b) ? b - '0' : (b | 0x20) - 'a' + 10;
}
