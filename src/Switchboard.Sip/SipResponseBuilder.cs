using Switchboard.Sip.Headers;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip;

/// <summary>Responses to a request as a UAS builds them (RFC 3261 §8.2.6).</summary>
public static class SipResponseBuilder
{
    /// <summary>A response with the usual reason phrase of <paramref name="statusCode"/>.</summary>
    public static SipResponse CreateResponse(SipRequest request, int statusCode, ReadOnlySpan<byte> toTag) =>
        CreateResponse(request, statusCode, SipReasonPhrases.For(statusCode), toTag);

    /// <summary>
    /// Copies Via (all, in order), From, Call-ID and CSeq; copies To and adds <paramref name="toTag"/> unless the
    /// request's To already has a tag or the response is 100 Trying; copies Timestamp into a 100 (§8.2.6.1).
    /// Pass the same tag for every response of a dialog-creating request.
    /// </summary>
    public static SipResponse CreateResponse(SipRequest request, int statusCode, ReadOnlySpan<byte> reasonPhrase, ReadOnlySpan<byte> toTag)
    {
        var response = new SipResponse(statusCode, reasonPhrase);
        foreach (var header in request.Headers)
        {
            if (header.HasName(SipHeaderNames.Via) || header.HasName(SipHeaderNames.From)
                || header.HasName(SipHeaderNames.CallId) || header.HasName(SipHeaderNames.CSeq)
                || (statusCode == 100 && header.HasName(SipHeaderNames.Timestamp)))
            {
                response.Headers.Add(header);
            }
            else if (header.HasName(SipHeaderNames.To))
            {
                response.Headers.Add(WithTag(header, statusCode, toTag));
            }
        }
        return response;
    }

    private static SipHeader WithTag(SipHeader to, int statusCode, ReadOnlySpan<byte> toTag)
    {
        if (!NameAddress.TryParse(to.Value, out var address))
            ThrowHelper.ThrowArgument("The request's To header is malformed.", "request");
        if (address.HasTag || statusCode == 100)
            return to;
        if (!SipSyntax.IsToken(toTag))
            ThrowHelper.ThrowArgument("A To tag is a token.", nameof(toTag));
        // Header parameters follow the address in both name-addr and addr-spec form, so appending is enough.
        var value = new byte[to.Value.Length + 5 + toTag.Length];
        to.Value.Span.CopyTo(value);
        ";tag="u8.CopyTo(value.AsSpan(to.Value.Length));
        toTag.CopyTo(value.AsSpan(to.Value.Length + 5));
        return new SipHeader(to.Name, value);
    }
}
