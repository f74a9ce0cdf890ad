using System.Text;

namespace Switchboard.Sip.Headers;

/// <summary>Typed views of a message's headers, parsed when asked for.</summary>
public static class SipMessageHeaderExtensions
{
    /// <summary>Every Via element, topmost first, across lines and commas.</summary>
    public static bool TryGetVias(this SipMessage message, out IReadOnlyList<ViaHeader> vias)
    {
        var elements = message.Headers.GetListElements(SipHeaderNames.Via);
        var parsed = new List<ViaHeader>(elements.Count);
        vias = parsed;
        foreach (var element in elements)
        {
            if (!ViaHeader.TryParse(element, out var via))
                return false;
            parsed.Add(via);
        }
        return parsed.Count > 0;
    }

    public static bool TryGetFrom(this SipMessage message, out NameAddress from) =>
        TryGetAddress(message, SipHeaderNames.From, out from);

    public static bool TryGetTo(this SipMessage message, out NameAddress to) =>
        TryGetAddress(message, SipHeaderNames.To, out to);

    public static bool TryGetCallId(this SipMessage message, out ReadOnlyMemory<byte> callId) =>
        message.Headers.TryGetValue(SipHeaderNames.CallId, out callId);

    public static bool TryGetCSeq(this SipMessage message, out CSeqHeader cseq)
    {
        cseq = null!;
        return message.Headers.TryGetValue(SipHeaderNames.CSeq, out var value) && CSeqHeader.TryParse(value, out cseq);
    }

    public static bool TryGetMaxForwards(this SipMessage message, out int hops)
    {
        hops = 0;
        return message.Headers.TryGetValue(SipHeaderNames.MaxForwards, out var value) && SipHeaderValues.TryParseMaxForwards(value.Span, out hops);
    }

    public static bool TryGetExpires(this SipMessage message, out uint seconds)
    {
        seconds = 0;
        return message.Headers.TryGetValue(SipHeaderNames.Expires, out var value) && SipHeaderValues.TryParseDeltaSeconds(value.Span, out seconds);
    }

    public static bool TryGetSessionExpires(this SipMessage message, out SessionExpiresHeader sessionExpires)
    {
        sessionExpires = null!;
        return message.Headers.TryGetValue(SipHeaderNames.SessionExpires, out var value) && SessionExpiresHeader.TryParse(value.Span, out sessionExpires);
    }

    public static bool TryGetMinSe(this SipMessage message, out uint seconds)
    {
        seconds = 0;
        return message.Headers.TryGetValue(SipHeaderNames.MinSe, out var value) && SipHeaderValues.TryParseDeltaSeconds(value.Span, out seconds);
    }

    /// <summary>Whether Supported lists <paramref name="optionTag"/> ("timer", "100rel"...).</summary>
    public static bool Supports(this SipMessage message, string optionTag) =>
        message.TryGetSupported(out var tags) && tags.Any(tag => Ascii.EqualsIgnoreCase(tag.Span, optionTag));

    public static bool TryGetContentType(this SipMessage message, out ContentTypeHeader contentType)
    {
        contentType = null!;
        return message.Headers.TryGetValue(SipHeaderNames.ContentType, out var value) && ContentTypeHeader.TryParse(value, out contentType);
    }

    /// <summary>The Contact header, "*" or a list; false when there is none or it is malformed.</summary>
    public static bool TryGetContacts(this SipMessage message, out ContactList contacts)
    {
        contacts = null!;
        var elements = message.Headers.GetListElements(SipHeaderNames.Contact);
        return elements.Count > 0 && ContactList.TryParse(elements, out contacts);
    }

    /// <summary>Route entries in order; an empty list when there is no Route header.</summary>
    public static bool TryGetRoutes(this SipMessage message, out IReadOnlyList<NameAddress> routes) =>
        TryGetAddressList(message, SipHeaderNames.Route, out routes);

    public static bool TryGetRecordRoutes(this SipMessage message, out IReadOnlyList<NameAddress> recordRoutes) =>
        TryGetAddressList(message, SipHeaderNames.RecordRoute, out recordRoutes);

    public static bool TryGetAllow(this SipMessage message, out IReadOnlyList<ReadOnlyMemory<byte>> methods) =>
        SipHeaderValues.TryParseTokenList(message.Headers.GetListElements(SipHeaderNames.Allow), out methods);

    public static bool TryGetSupported(this SipMessage message, out IReadOnlyList<ReadOnlyMemory<byte>> optionTags) =>
        SipHeaderValues.TryParseTokenList(message.Headers.GetListElements(SipHeaderNames.Supported), out optionTags);

    /// <summary>
    /// The challenges or credentials of one header (<see cref="SipHeaderNames.WwwAuthenticate"/>,
    /// <see cref="SipHeaderNames.Authorization"/>, ...), one per line.
    /// </summary>
    public static bool TryGetAuthentication(this SipMessage message, ReadOnlySpan<byte> headerName, out IReadOnlyList<AuthenticationHeader> headers)
    {
        var values = message.Headers.GetValues(headerName);
        var parsed = new List<AuthenticationHeader>(values.Count);
        headers = parsed;
        foreach (var value in values)
        {
            if (!AuthenticationHeader.TryParse(value, out var header))
                return false;
            parsed.Add(header);
        }
        return parsed.Count > 0;
    }

    private static bool TryGetAddress(SipMessage message, ReadOnlySpan<byte> name, out NameAddress address)
    {
        address = null!;
        return message.Headers.TryGetValue(name, out var value) && NameAddress.TryParse(value, out address);
    }

    private static bool TryGetAddressList(SipMessage message, ReadOnlySpan<byte> name, out IReadOnlyList<NameAddress> addresses)
    {
        var elements = message.Headers.GetListElements(name);
        var parsed = new List<NameAddress>(elements.Count);
        addresses = parsed;
        foreach (var element in elements)
        {
            if (!NameAddress.TryParse(element, out var address))
                return false;
            parsed.Add(address);
        }
        return true;
    }
}
