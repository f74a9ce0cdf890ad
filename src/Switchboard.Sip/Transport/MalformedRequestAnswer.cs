using System.Text;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip.Transport;

/// <summary>
/// The 400 for a request the parser refused (RFC 3261 §8.2.6, §21.4.1): its reason phrase says what was wrong,
/// and it goes back to the address the request came from. It copies the Via, From, To, Call-ID and CSeq lines that
/// can be copied as they are; a line holding a bare CR or LF cannot, and is left out (RFC 4475 §3.3.1: answer
/// even when some are missing). Responses, ACKs and what has no request line or no Via get no answer.
/// </summary>
internal static class MalformedRequestAnswer
{
    public static bool TryCreate(ReadOnlySpan<byte> data, SipParseError error, out SipResponse answer)
    {
        answer = null!;
        var start = data.IndexOfAnyExcept(SipSyntax.Cr, SipSyntax.Lf);
        if (start < 0)
            return false;
        data = data[start..];
        var lineEnd = data.IndexOf("\r\n"u8);
        if (lineEnd < 0 || !LooksLikeRequestLine(data[..lineEnd], out var method) || method.SequenceEqual(SipMethods.Ack))
            return false;
        var headersEnd = data.IndexOf("\r\n\r\n"u8);
        var section = headersEnd < 0 ? data[(lineEnd + 2)..] : data[(lineEnd + 2)..(headersEnd + 2)];
        var vias = new List<byte[]>();
        byte[]? from = null, to = null, callId = null, cseq = null;
        foreach (var range in section.Split("\r\n"u8))
        {
            var line = section[range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || SipSyntax.IsWhitespace(line[0]) || line.IndexOfAny(SipSyntax.Cr, SipSyntax.Lf) >= 0)
                continue;
            var name = SipSyntax.TrimWhitespace(line[..colon]);
            var value = SipSyntax.TrimWhitespace(line[(colon + 1)..]).ToArray();
            if (SipHeaderNames.AreSame(SipHeaderNames.Via, name))
                vias.Add(value);
            else if (SipHeaderNames.AreSame(SipHeaderNames.From, name))
                from ??= value;
            else if (SipHeaderNames.AreSame(SipHeaderNames.To, name))
                to ??= value;
            else if (SipHeaderNames.AreSame(SipHeaderNames.CallId, name))
                callId ??= value;
            else if (SipHeaderNames.AreSame(SipHeaderNames.CSeq, name))
                cseq ??= value;
        }
        if (vias.Count == 0)
            return false;
        answer = new SipResponse(400, Encoding.ASCII.GetBytes(error.Reason));
        foreach (var via in vias)
            answer.Headers.Add(SipHeaderNames.Via, via);
        if (from is not null)
            answer.Headers.Add(SipHeaderNames.From, from);
        if (to is not null)
            answer.Headers.Add(SipHeaderNames.To, WithTag(to));
        if (callId is not null)
            answer.Headers.Add(SipHeaderNames.CallId, callId);
        if (cseq is not null)
            answer.Headers.Add(SipHeaderNames.CSeq, cseq);
        return true;
    }

    /// <summary>Method SP Request-URI SP SIP-Version, loosely: enough to know it is a request and not a response.</summary>
    private static bool LooksLikeRequestLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> method)
    {
        var space = line.IndexOf((byte)' ');
        method = space > 0 ? line[..space] : default;
        return space > 0 && SipSyntax.IsToken(method) && !line.StartsWith("SIP/"u8) && line.LastIndexOf((byte)' ') > space;
    }

    private static byte[] WithTag(byte[] to)
    {
        if (NameAddress.TryParse(to, out var address) && address.HasTag)
            return to;
        return [.. to, .. ";tag="u8, .. SipTag.Create()];
    }
}
