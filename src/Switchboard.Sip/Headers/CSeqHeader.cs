using Switchboard.Sip.Internal;

namespace Switchboard.Sip.Headers;

/// <summary>CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16); the number is below 2**31 (§8.1.1.5).</summary>
public sealed class CSeqHeader
{
    private CSeqHeader(uint number, ReadOnlyMemory<byte> method)
    {
        Number = number;
        Method = method;
    }

    public uint Number { get; }

    public ReadOnlyMemory<byte> Method { get; }

    public static bool TryParse(ReadOnlyMemory<byte> value, out CSeqHeader cseq)
    {
        cseq = null!;
        var span = value.Span;
        var position = SipSyntax.SkipWhitespace(span, 0);
        var digitsStart = position;
        while (position < span.Length && SipSyntax.IsDigit(span[position]))
            position++;
        if (!SipSyntax.TryParseNumber(span[digitsStart..position], int.MaxValue, out var number))
            return false;
        var methodStart = SipSyntax.SkipWhitespace(span, position);
        if (methodStart == position)
            return false;
        var methodEnd = SipSyntax.ScanToken(span, methodStart);
        if (methodEnd == methodStart || SipSyntax.SkipWhitespace(span, methodEnd) != span.Length)
            return false;
        cseq = new CSeqHeader((uint)number, value[methodStart..methodEnd]);
        return true;
    }
}
