namespace Switchboard.Sip.Internal;

/// <summary>Splits a header value at the commas that separate list elements, never inside quotes or &lt;&gt;.</summary>
internal static class ListSplitter
{
    /// <summary>Adds each element, trimmed of whitespace; empty elements are kept so typed parsers can refuse them.</summary>
    public static void Split(ReadOnlyMemory<byte> value, List<ReadOnlyMemory<byte>> elements)
    {
        var span = value.Span;
        var start = 0;
        var inAngle = false;
        for (var i = 0; i < span.Length; i++)
        {
            switch (span[i])
            {
                case (byte)'"':
                    var end = SipSyntax.ScanQuotedString(span, i);
                    if (end < 0)
                    {
                        // An unterminated quote swallows the rest; the element parser reports it.
                        i = span.Length;
                        break;
                    }
                    i = end - 1;
                    break;
                case (byte)'<':
                    inAngle = true;
                    break;
                case (byte)'>':
                    inAngle = false;
                    break;
                case (byte)',' when !inAngle:
                    Add(value, span, start, i, elements);
                    start = i + 1;
                    break;
            }
        }
        Add(value, span, start, span.Length, elements);
    }

    private static void Add(ReadOnlyMemory<byte> value, ReadOnlySpan<byte> span, int start, int end, List<ReadOnlyMemory<byte>> elements)
    {
        var (trimmedStart, length) = SipSyntax.TrimRange(span, start, end);
        elements.Add(value.Slice(trimmedStart, length));
    }
}
