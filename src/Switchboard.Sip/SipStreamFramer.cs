using System.Buffers;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip;

/// <summary>
/// Cuts messages out of a stream transport (TCP, TLS): a message ends at the empty line after its headers plus
/// Content-Length bytes, which a stream message must carry (RFC 3261 §18.3). Leading CRLFs are keep-alives.
/// </summary>
public static class SipStreamFramer
{
    public static SipFrame Frame(ReadOnlySpan<byte> buffered, SipParserLimits? limits = null)
    {
        var keepAlive = CountKeepAlive(buffered);
        var rest = buffered[keepAlive..];
        return FrameAfterKeepAlive(rest, rest.Length, keepAlive, limits ?? SipParserLimits.Default);
    }

    public static SipFrame Frame(in ReadOnlySequence<byte> buffered, SipParserLimits? limits = null)
    {
        limits ??= SipParserLimits.Default;
        if (buffered.IsSingleSegment)
            return Frame(buffered.FirstSpan, limits);
        var reader = new SequenceReader<byte>(buffered);
        var keepAlive = (int)Math.Min(reader.AdvancePastAny(SipSyntax.Cr, SipSyntax.Lf), int.MaxValue);
        var available = reader.Remaining;
        // Only the header section has to be searched, so at most that much is copied.
        var prefixLength = (int)Math.Min(available, limits.MaxHeaderSize + 1L);
        var prefix = ArrayPool<byte>.Shared.Rent(prefixLength);
        try
        {
            reader.UnreadSequence.Slice(0, prefixLength).CopyTo(prefix);
            return FrameAfterKeepAlive(prefix.AsSpan(0, prefixLength), available, keepAlive, limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(prefix);
        }
    }

    private static SipFrame FrameAfterKeepAlive(ReadOnlySpan<byte> rest, long available, int keepAlive, SipParserLimits limits)
    {
        var headersEnd = rest.IndexOf("\r\n\r\n"u8);
        if (headersEnd < 0 || headersEnd + 4 > limits.MaxHeaderSize)
        {
            return headersEnd >= 0 || rest.Length > limits.MaxHeaderSize
                ? Invalid(keepAlive, ParseErrors.HeadersTooLarge())
                : new SipFrame(SipFrameStatus.NeedMoreData, keepAlive, 0, SipParseError.None);
        }
        if (!TryFindContentLength(rest[..(headersEnd + 2)], out var contentLength, out var error))
            return Invalid(keepAlive, error);
        var messageLength = (long)headersEnd + 4 + contentLength;
        if (messageLength > limits.MaxMessageSize)
            return Invalid(keepAlive, ParseErrors.TooLarge());
        return available < messageLength
            ? new SipFrame(SipFrameStatus.NeedMoreData, keepAlive, 0, SipParseError.None)
            : new SipFrame(SipFrameStatus.Message, keepAlive, (int)messageLength, SipParseError.None);
    }

    private static bool TryFindContentLength(ReadOnlySpan<byte> section, out int contentLength, out SipParseError error)
    {
        contentLength = -1;
        error = SipParseError.None;
        foreach (var range in section.Split("\r\n"u8))
        {
            var line = section[range];
            var colon = line.IndexOf((byte)':');
            if (line.IsEmpty || SipSyntax.IsWhitespace(line[0]) || colon < 0
                || !SipHeaderNames.AreSame(SipHeaderNames.ContentLength, SipSyntax.TrimWhitespace(line[..colon])))
            {
                continue;
            }
            if (contentLength >= 0)
            {
                error = ParseErrors.Duplicate("Content-Length");
                return false;
            }
            if (!SipHeaderValues.TryParseContentLength(line[(colon + 1)..], out contentLength))
            {
                error = ParseErrors.Bad("Content-Length");
                return false;
            }
        }
        if (contentLength < 0)
            error = ParseErrors.MissingContentLength();
        return contentLength >= 0;
    }

    private static int CountKeepAlive(ReadOnlySpan<byte> buffered)
    {
        var count = buffered.IndexOfAnyExcept(SipSyntax.Cr, SipSyntax.Lf);
        return count < 0 ? buffered.Length : count;
    }

    private static SipFrame Invalid(int keepAlive, SipParseError error) => new(SipFrameStatus.Invalid, keepAlive, 0, error);
}
