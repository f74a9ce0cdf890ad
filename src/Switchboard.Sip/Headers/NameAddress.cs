using Switchboard.Sip.Internal;

namespace Switchboard.Sip.Headers;

/// <summary>
/// A name-addr or addr-spec with its header parameters, as in From, To, Contact, Route and Record-Route
/// (RFC 3261 §20.10, §25.1): optional display name, the URI, then ";tag=...", ";expires=..." and the like.
/// </summary>
public sealed class NameAddress
{
    private NameAddress(ReadOnlyMemory<byte> displayName, bool hasDisplayName, SipUri uri, bool isBracketed, SipParameterList parameters)
    {
        DisplayName = displayName;
        HasDisplayName = hasDisplayName;
        Uri = uri;
        IsBracketed = isBracketed;
        Parameters = parameters;
    }

    /// <summary>The display name without quotes, quoted-pairs resolved; empty when absent.</summary>
    public ReadOnlyMemory<byte> DisplayName { get; }

    public bool HasDisplayName { get; }

    public SipUri Uri { get; }

    /// <summary>Whether the URI was written inside &lt;&gt; (name-addr) rather than bare (addr-spec).</summary>
    public bool IsBracketed { get; }

    /// <summary>The header parameters after the address (not the URI's own parameters).</summary>
    public SipParameterList Parameters { get; }

    /// <summary>The tag parameter of From and To, empty when there is none.</summary>
    public ReadOnlyMemory<byte> Tag => Parameters.TryGetValue("tag"u8, out var tag) ? tag : default;

    public bool HasTag => Parameters.Contains("tag"u8);

    public static bool TryParse(ReadOnlyMemory<byte> value, out NameAddress address)
    {
        address = null!;
        var span = value.Span;
        var position = SipSyntax.SkipWhitespace(span, 0);
        if (position == span.Length)
            return false;
        ReadOnlyMemory<byte> displayName = default;
        var hasDisplayName = false;
        if (span[position] == (byte)'"')
        {
            var end = SipSyntax.ScanQuotedString(span, position);
            if (end < 0)
                return false;
            displayName = SipSyntax.Unquote(value[position..end]);
            hasDisplayName = true;
            position = SipSyntax.SkipWhitespace(span, end);
            if (position == span.Length || span[position] != (byte)'<')
                return false;
        }
        else if (span[position] != (byte)'<')
        {
            // display-name = *(token LWS): only tokens and whitespace before '<'; otherwise this is an addr-spec.
            var angle = span[position..].IndexOf((byte)'<');
            if (angle > 0 && IsTokensAndWhitespace(span.Slice(position, angle)))
            {
                var (start, length) = SipSyntax.TrimRange(span, position, position + angle);
                displayName = value.Slice(start, length);
                hasDisplayName = true;
                position += angle;
            }
        }
        SipUri? uri;
        var isBracketed = span[position] == (byte)'<';
        if (isBracketed)
        {
            var close = span[position..].IndexOf((byte)'>');
            if (close < 0 || !TryParseUri(value.Slice(position + 1, close - 1), out uri))
                return false;
            position += close + 1;
        }
        else
        {
            // addr-spec: the URI ends at the first ';' (header parameters) or whitespace, and may hold no ',' '?' or ';'.
            var end = position;
            while (end < span.Length && span[end] != (byte)';' && !SipSyntax.IsWhitespace(span[end]))
                end++;
            var bare = value[position..end];
            if (bare.Span.IndexOfAny((byte)',', (byte)'?') >= 0 || !TryParseUri(bare, out uri))
                return false;
            position = end;
        }
        if (!HeaderParameterParser.TryParse(value, position, out var parameters))
            return false;
        address = new NameAddress(displayName, hasDisplayName, uri, isBracketed, parameters);
        return true;
    }

    private static bool IsTokensAndWhitespace(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (!SipSyntax.IsTokenChar(b) && !SipSyntax.IsWhitespace(b))
                return false;
        }
        return true;
    }

    private static bool TryParseUri(ReadOnlyMemory<byte> text, out SipUri uri)
    {
        uri = null!;
        // Whitespace inside <> is not allowed (RFC 4475 §3.1.2.12).
        foreach (var b in text.Span)
        {
            if (b <= 0x20)
                return false;
        }
        return SipUri.TryParse(text, out uri);
    }
}
