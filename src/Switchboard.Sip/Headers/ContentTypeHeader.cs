using System.Text;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip.Headers;

/// <summary>media-type = m-type SLASH m-subtype *( SEMI m-parameter ) (RFC 3261 §20.15).</summary>
public sealed class ContentTypeHeader
{
    private ContentTypeHeader(ReadOnlyMemory<byte> type, ReadOnlyMemory<byte> subtype, SipParameterList parameters)
    {
        Type = type;
        Subtype = subtype;
        Parameters = parameters;
    }

    public ReadOnlyMemory<byte> Type { get; }

    public ReadOnlyMemory<byte> Subtype { get; }

    public SipParameterList Parameters { get; }

    /// <summary>Case-insensitive comparison with a "type/subtype" such as "application/sdp".</summary>
    public bool Is(ReadOnlySpan<byte> mediaType)
    {
        var slash = mediaType.IndexOf((byte)'/');
        return slash > 0 && Ascii.EqualsIgnoreCase(Type.Span, mediaType[..slash])
            && Ascii.EqualsIgnoreCase(Subtype.Span, mediaType[(slash + 1)..]);
    }

    public static bool TryParse(ReadOnlyMemory<byte> value, out ContentTypeHeader contentType)
    {
        contentType = null!;
        var span = value.Span;
        var typeStart = SipSyntax.SkipWhitespace(span, 0);
        var typeEnd = SipSyntax.ScanToken(span, typeStart);
        var slash = SipSyntax.SkipWhitespace(span, typeEnd);
        if (typeEnd == typeStart || slash == span.Length || span[slash] != (byte)'/')
            return false;
        var subtypeStart = SipSyntax.SkipWhitespace(span, slash + 1);
        var subtypeEnd = SipSyntax.ScanToken(span, subtypeStart);
        if (subtypeEnd == subtypeStart || !HeaderParameterParser.TryParse(value, subtypeEnd, out var parameters))
            return false;
        contentType = new ContentTypeHeader(value[typeStart..typeEnd], value[subtypeStart..subtypeEnd], parameters);
        return true;
    }
}
