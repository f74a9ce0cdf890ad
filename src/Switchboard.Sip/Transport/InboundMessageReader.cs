namespace Switchboard.Sip.Transport;

/// <summary>What every transport does with the bytes of one received message: parse, stamp, or answer a malformed request.</summary>
internal static class InboundMessageReader
{
    /// <summary>
    /// A parsed message (a request with its top Via stamped), or null with, for a malformed request that can be
    /// answered, the 400 to send back to the source. Counted in <paramref name="metrics"/> as received or dropped.
    /// </summary>
    public static SipReceivedMessage? Read(ReadOnlySpan<byte> data, SipTransportAddress source, SipParserLimits limits, SipMetrics metrics,
        out byte[]? answer)
    {
        answer = null;
        if (!SipMessageParser.TryParse(data, limits, out var message, out var error))
        {
            metrics.Dropped(source.Transport, error.Kind);
            if (MalformedRequestAnswer.TryCreate(data, error, out var badRequest))
                answer = SipMessageWriter.ToArray(badRequest);
            return null;
        }
        metrics.Received(source.Transport, message);
        if (message is SipRequest request)
            ViaStamp.Apply(request, source.EndPoint);
        return new SipReceivedMessage(message, source);
    }

    /// <summary>Whether the data is only CRLF keep-alives (RFC 5626 §4.4.1), which are never messages.</summary>
    public static bool IsKeepAlive(ReadOnlySpan<byte> data) => data.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0;
}
