using System.Diagnostics.CodeAnalysis;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip;

/// <summary>
/// Parses one whole SIP message (a UDP datagram, or what <see cref="SipStreamFramer"/> cut from a stream).
/// A malformed message is a result with a reason, never an exception.
/// </summary>
public static class SipMessageParser
{
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out SipMessage? message, out SipParseError error) =>
        TryParse(data, SipParserLimits.Default, out message, out error);

    /// <summary>
    /// Leading CRLFs (keep-alives) are skipped. Without Content-Length the body runs to the end of
    /// <paramref name="data"/> (UDP, RFC 3261 §18.3); bytes after Content-Length are ignored.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, SipParserLimits limits, [NotNullWhen(true)] out SipMessage? message, out SipParseError error)
    {
        message = null;
        var start = 0;
        while (start < data.Length && data[start] is SipSyntax.Cr or SipSyntax.Lf)
            start++;
        data = data[start..];
        if (data.IsEmpty)
        {
            error = ParseErrors.Empty();
            return false;
        }
        if (data.Length > limits.MaxMessageSize)
        {
            error = ParseErrors.TooLarge();
            return false;
        }
        var headersEnd = data.IndexOf("\r\n\r\n"u8);
        if (headersEnd < 0)
        {
            error = data.Length > limits.MaxHeaderSize ? ParseErrors.HeadersTooLarge() : ParseErrors.Unterminated();
            return false;
        }
        if (headersEnd + 4 > limits.MaxHeaderSize)
        {
            error = ParseErrors.HeadersTooLarge();
            return false;
        }
        // One copy of the start line and headers, which every value of the message then points into.
        ReadOnlyMemory<byte> section = data[..(headersEnd + 2)].ToArray();
        var startLineLength = section.Span.IndexOf("\r\n"u8);
        if (startLineLength > limits.MaxLineLength)
        {
            error = ParseErrors.LineTooLong();
            return false;
        }
        if (!StartLineParser.TryParse(section[..startLineLength], out var parsed, out error)
            || !HeaderSectionParser.TryParse(section, startLineLength + 2, limits, parsed.Headers, out error)
            || !RequiredHeaders.TryValidate(parsed, out error)
            || !TryReadBody(parsed, data[(headersEnd + 4)..], out error))
        {
            return false;
        }
        message = parsed;
        return true;
    }

    private static bool TryReadBody(SipMessage message, ReadOnlySpan<byte> rest, out SipParseError error)
    {
        var lengths = message.Headers.GetValues(SipHeaderNames.ContentLength);
        var length = rest.Length;
        if (lengths.Count > 1)
        {
            error = ParseErrors.Duplicate("Content-Length");
            return false;
        }
        if (lengths.Count == 1)
        {
            if (!SipHeaderValues.TryParseContentLength(lengths[0].Span, out length))
            {
                error = ParseErrors.Bad("Content-Length");
                return false;
            }
            if (length > rest.Length)
            {
                error = ParseErrors.ContentLengthTooLarge();
                return false;
            }
        }
        message.Body = length == 0 ? ReadOnlyMemory<byte>.Empty : rest[..length].ToArray();
        error = SipParseError.None;
        return true;
    }
}
