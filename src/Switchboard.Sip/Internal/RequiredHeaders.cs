using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Internal;

/// <summary>
/// The headers every request and response needs before a transaction can handle it (RFC 3261 §8.1.1, §8.2.2):
/// present once, well-formed, and CSeq naming the request's method. A missing Max-Forwards is tolerated (§16.6, §8.2).
/// </summary>
internal static class RequiredHeaders
{
    public static bool TryValidate(SipMessage message, out SipParseError error)
    {
        var headers = message.Headers;
        var vias = headers.GetListElements(SipHeaderNames.Via);
        if (vias.Count == 0)
        {
            error = ParseErrors.Missing("Via");
            return false;
        }
        foreach (var via in vias)
        {
            if (!ViaHeader.TryParse(via, out _))
            {
                error = ParseErrors.Bad("Via");
                return false;
            }
        }
        if (!TryGetSingle(headers, SipHeaderNames.From, "From", out var from, out error)
            || !TryGetSingle(headers, SipHeaderNames.To, "To", out var to, out error)
            || !TryGetSingle(headers, SipHeaderNames.CallId, "Call-ID", out var callId, out error)
            || !TryGetSingle(headers, SipHeaderNames.CSeq, "CSeq", out var cseqValue, out error))
        {
            return false;
        }
        if (!NameAddress.TryParse(from, out _))
        {
            error = ParseErrors.Bad("From");
            return false;
        }
        if (!NameAddress.TryParse(to, out _))
        {
            error = ParseErrors.Bad("To");
            return false;
        }
        if (!IsCallId(callId.Span))
        {
            error = ParseErrors.Bad("Call-ID");
            return false;
        }
        if (!CSeqHeader.TryParse(cseqValue, out var cseq))
        {
            error = ParseErrors.Bad("CSeq");
            return false;
        }
        if (message is SipRequest request && !request.IsMethod(cseq.Method.Span))
        {
            error = ParseErrors.CSeqMethodMismatch();
            return false;
        }
        return TryValidateOptional(headers, out error);
    }

    private static bool TryValidateOptional(SipHeaderCollection headers, out SipParseError error)
    {
        var maxForwards = headers.GetValues(SipHeaderNames.MaxForwards);
        if (maxForwards.Count > 1)
        {
            error = ParseErrors.Duplicate("Max-Forwards");
            return false;
        }
        if (maxForwards.Count == 1 && !SipHeaderValues.TryParseMaxForwards(maxForwards[0].Span, out _))
        {
            error = ParseErrors.Bad("Max-Forwards");
            return false;
        }
        var contacts = headers.GetListElements(SipHeaderNames.Contact);
        if (contacts.Count > 0 && !ContactList.TryParse(contacts, out _))
        {
            error = ParseErrors.Bad("Contact");
            return false;
        }
        error = SipParseError.None;
        return true;
    }

    private static bool TryGetSingle(SipHeaderCollection headers, ReadOnlySpan<byte> name, string displayName,
        out ReadOnlyMemory<byte> value, out SipParseError error)
    {
        var values = headers.GetValues(name);
        value = values.Count > 0 ? values[0] : default;
        error = values.Count switch
        {
            0 => ParseErrors.Missing(displayName),
            1 => SipParseError.None,
            _ => ParseErrors.Duplicate(displayName),
        };
        return values.Count == 1;
    }

    /// <summary>callid = word [ "@" word ].</summary>
    private static bool IsCallId(ReadOnlySpan<byte> callId)
    {
        var at = callId.IndexOf((byte)'@');
        return at < 0 ? IsWord(callId) : IsWord(callId[..at]) && IsWord(callId[(at + 1)..]);
    }

    private static bool IsWord(ReadOnlySpan<byte> word)
    {
        if (word.IsEmpty)
            return false;
        foreach (var b in word)
        {
            if (!SipSyntax.IsWordChar(b))
                return false;
        }
        return true;
    }
}
