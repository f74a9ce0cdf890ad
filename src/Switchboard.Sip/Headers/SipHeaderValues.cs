using Switchboard.Sip.Internal;

namespace Switchboard.Sip.Headers;

/// <summary>The scalar and token-list headers: Max-Forwards, Content-Length, Expires, Allow, Supported, Require.</summary>
public static class SipHeaderValues
{
    /// <summary>Max-Forwards = 1*DIGIT, at most 255 (RFC 3261 §20.22; leading zeros allowed).</summary>
    public static bool TryParseMaxForwards(ReadOnlySpan<byte> value, out int hops)
    {
        var ok = SipSyntax.TryParseNumber(SipSyntax.TrimWhitespace(value), 255, out var parsed);
        hops = (int)parsed;
        return ok;
    }

    /// <summary>Content-Length = 1*DIGIT, as an Int32 (a larger body could not be held anyway).</summary>
    public static bool TryParseContentLength(ReadOnlySpan<byte> value, out int length)
    {
        var ok = SipSyntax.TryParseNumber(SipSyntax.TrimWhitespace(value), int.MaxValue, out var parsed);
        length = (int)parsed;
        return ok;
    }

    /// <summary>delta-seconds for Expires, from 0 to 2**32-1 (RFC 3261 §20.19).</summary>
    public static bool TryParseDeltaSeconds(ReadOnlySpan<byte> value, out uint seconds)
    {
        var ok = SipSyntax.TryParseNumber(SipSyntax.TrimWhitespace(value), uint.MaxValue, out var parsed);
        seconds = (uint)parsed;
        return ok;
    }

    /// <summary>
    /// Allow, Supported, Require, Unsupported: tokens from list elements (<see cref="SipHeaderCollection.GetListElements"/>).
    /// A single empty element is an empty list; any other empty or non-token element is refused.
    /// </summary>
    public static bool TryParseTokenList(IReadOnlyList<ReadOnlyMemory<byte>> elements, out IReadOnlyList<ReadOnlyMemory<byte>> tokens)
    {
        tokens = [];
        if (elements.Count == 1 && elements[0].IsEmpty)
            return true;
        foreach (var element in elements)
        {
            if (!SipSyntax.IsToken(element.Span))
                return false;
        }
        tokens = elements;
        return true;
    }
}
