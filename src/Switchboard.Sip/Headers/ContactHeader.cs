using Switchboard.Sip.Internal;

namespace Switchboard.Sip.Headers;

/// <summary>One Contact element (RFC 3261 §20.10): an address with its expires and q parameters.</summary>
public sealed class ContactHeader
{
    private ContactHeader(NameAddress address, uint? expires, double? q)
    {
        Address = address;
        Expires = expires;
        Q = q;
    }

    public NameAddress Address { get; }

    public SipUri Uri => Address.Uri;

    /// <summary>The expires parameter in seconds, or null when absent.</summary>
    public uint? Expires { get; }

    /// <summary>The q preference from 0 to 1, or null when absent.</summary>
    public double? Q { get; }

    public static bool TryParse(ReadOnlyMemory<byte> value, out ContactHeader contact)
    {
        contact = null!;
        if (!NameAddress.TryParse(value, out var address))
            return false;
        uint? expires = null;
        if (address.Parameters.TryGetValue("expires"u8, out var expiresValue))
        {
            if (!SipSyntax.TryParseNumber(expiresValue.Span, uint.MaxValue, out var seconds))
                return false;
            expires = (uint)seconds;
        }
        double? q = null;
        if (address.Parameters.TryGetValue("q"u8, out var qValue))
        {
            if (!TryParseQValue(qValue.Span, out var parsedQ))
                return false;
            q = parsedQ;
        }
        contact = new ContactHeader(address, expires, q);
        return true;
    }

    /// <summary>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ).</summary>
    private static bool TryParseQValue(ReadOnlySpan<byte> text, out double q)
    {
        q = 0;
        if (text.IsEmpty || text[0] is not ((byte)'0' or (byte)'1') || text.Length > 5)
            return false;
        var thousandths = (text[0] - '0') * 1000;
        if (text.Length > 1)
        {
            if (text[1] != (byte)'.')
                return false;
            var scale = 100;
            foreach (var b in text[2..])
            {
                if (!SipSyntax.IsDigit(b))
                    return false;
                thousandths += (b - '0') * scale;
                scale /= 10;
            }
        }
        q = thousandths / 1000.0;
        return thousandths <= 1000;
    }
}
