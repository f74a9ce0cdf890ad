using System.Buffers;

namespace Switchboard.Sip.Internal;

/// <summary>
/// Header lines into a <see cref="SipHeaderCollection"/>: "name: value", optional whitespace before the colon,
/// folded continuation lines (starting with SP or HT) unfolded into one space (RFC 3261 §7.3.1).
/// </summary>
internal static class HeaderSectionParser
{
    /// <summary>
    /// Parses the lines of <paramref name="section"/> from <paramref name="position"/>; every line, the last
    /// included, ends in CRLF. Values point into <paramref name="section"/> unless they were folded.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> section, int position, SipParserLimits limits, SipHeaderCollection headers, out SipParseError error)
    {
        var span = section.Span;
        var count = 0;
        var current = new PendingHeader();
        while (position < span.Length)
        {
            var lineLength = span[position..].IndexOf("\r\n"u8);
            var line = span.Slice(position, lineLength);
            if (lineLength > limits.MaxLineLength)
            {
                error = ParseErrors.LineTooLong();
                return false;
            }
            if (line.IndexOfAny(SipSyntax.Cr, SipSyntax.Lf) >= 0)
            {
                error = ParseErrors.BareLineBreak();
                return false;
            }
            if (line.Length > 0 && SipSyntax.IsWhitespace(line[0]))
            {
                if (!current.IsOpen)
                {
                    error = ParseErrors.ContinuationWithoutHeader();
                    return false;
                }
                current.Continue(line);
            }
            else
            {
                current.Close(headers);
                if (++count > limits.MaxHeaderCount)
                {
                    error = ParseErrors.TooManyHeaders();
                    return false;
                }
                var colon = line.IndexOf((byte)':');
                if (colon < 0)
                {
                    error = ParseErrors.MissingColon();
                    return false;
                }
                var name = SipSyntax.TrimWhitespace(line[..colon]);
                if (!SipSyntax.IsToken(name))
                {
                    error = ParseErrors.BadHeaderName();
                    return false;
                }
                var (valueStart, valueLength) = SipSyntax.TrimRange(span, position + colon + 1, position + lineLength);
                current.Open(
                    SipHeaderNames.Canonical(name) ?? section.Slice(position, name.Length),
                    section.Slice(valueStart, valueLength));
            }
            position += lineLength + 2;
        }
        current.Close(headers);
        error = SipParseError.None;
        return true;
    }

    /// <summary>The header being read: its value grows in a buffer only when a continuation line folds it.</summary>
    private struct PendingHeader
    {
        private ReadOnlyMemory<byte> _name;
        private ReadOnlyMemory<byte> _value;
        private ArrayBufferWriter<byte>? _folded;

        public bool IsOpen { get; private set; }

        public void Open(ReadOnlyMemory<byte> name, ReadOnlyMemory<byte> value)
        {
            _name = name;
            _value = value;
            _folded = null;
            IsOpen = true;
        }

        public void Continue(ReadOnlySpan<byte> line)
        {
            var text = SipSyntax.TrimWhitespace(line);
            if (text.IsEmpty)
                return;
            if (_folded is null)
            {
                _folded = new ArrayBufferWriter<byte>(_value.Length + line.Length + 1);
                _folded.Write(_value.Span);
            }
            if (_folded.WrittenCount > 0)
                _folded.Write(" "u8);
            _folded.Write(text);
        }

        public void Close(SipHeaderCollection headers)
        {
            if (!IsOpen)
                return;
            headers.AddParsed(_name, _folded is null ? _value : _folded.WrittenMemory);
            IsOpen = false;
        }
    }
}
