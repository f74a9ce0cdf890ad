using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Authentication;

/// <summary>
/// The client side of digest authentication (RFC 3261 §22.2-§22.3): answering a 401/407 to a request we sent
/// (a trunk REGISTER or INVITE) with a retry that carries credentials, SHA-256 preferred over MD5.
/// </summary>
public static class DigestClient
{
    /// <summary>
    /// The request to send again: the same request without Via, with the next CSeq and an Authorization (401) or
    /// Proxy-Authorization (407) answering the challenge. False when the response offers no digest we can answer.
    /// </summary>
    public static bool TryCreateAuthorizedRetry(SipRequest request, SipResponse challenge, string username, string password, out SipRequest retry)
    {
        retry = null!;
        var proxy = challenge.StatusCode == 407;
        var challengeHeader = proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate;
        if (!challenge.TryGetAuthentication(challengeHeader, out var offers) || !TryChoose(offers, out var offer, out var algorithm))
            return false;
        var realm = Value(offer, "realm") ?? "";
        var nonce = Value(offer, "nonce") ?? "";
        var qop = QopAuth(Value(offer, "qop"));
        var method = Encoding.UTF8.GetString(request.Method.Span);
        var uri = Encoding.UTF8.GetString(request.RequestUri.Span);
        var clientNonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        const string nonceCount = "00000001";
        var ha1 = DigestCalculator.Ha1(algorithm, username, realm, password);
        var response = DigestCalculator.Response(algorithm, ha1, nonce, nonceCount, clientNonce, qop, method, uri);
        var credentials = new StringBuilder()
            .Append($"Digest username=\"{username}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm={DigestCalculator.Name(algorithm)}");
        if (qop is not null)
            credentials.Append($", qop={qop}, nc={nonceCount}, cnonce=\"{clientNonce}\"");
        if (Value(offer, "opaque") is { } opaque)
            credentials.Append($", opaque=\"{opaque}\"");
        retry = CopyForRetry(request, proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization);
        retry.Headers.Add(proxy ? "Proxy-Authorization" : "Authorization", credentials.ToString());
        return true;
    }

    private static bool TryChoose(IReadOnlyList<AuthenticationHeader> offers, out AuthenticationHeader offer, out DigestAlgorithm algorithm)
    {
        offer = null!;
        algorithm = DigestAlgorithm.Md5;
        foreach (var candidate in offers.Where(o => o.IsDigest))
        {
            if (!DigestCalculator.TryParse(Value(candidate, "algorithm"), out var candidateAlgorithm))
                continue;
            if (offer is null || candidateAlgorithm == DigestAlgorithm.Sha256)
            {
                offer = candidate;
                algorithm = candidateAlgorithm;
            }
        }
        return offer is not null;
    }

    /// <summary>qop="auth,auth-int" offers options; "auth" is the one answered, and none means RFC 2069 style.</summary>
    private static string? QopAuth(string? offered) =>
        offered is not null && offered.Split(',').Any(option => option.Trim() == "auth") ? "auth" : null;

    private static SipRequest CopyForRetry(SipRequest request, ReadOnlySpan<byte> credentialsHeader)
    {
        var retry = new SipRequest(request.Method.Span, request.RequestUri.Span);
        foreach (var header in request.Headers)
        {
            if (!header.HasName(SipHeaderNames.Via) && !header.HasName(SipHeaderNames.CSeq) && !header.HasName(credentialsHeader))
                retry.Headers.Add(header);
        }
        request.TryGetCSeq(out var cseq);
        retry.Headers.Add("CSeq", $"{cseq.Number + 1} {Encoding.UTF8.GetString(request.Method.Span)}");
        retry.Body = request.Body;
        return retry;
    }

    private static string? Value(AuthenticationHeader header, string name) =>
        header.Parameters.TryGetValue(Encoding.ASCII.GetBytes(name), out var value) ? Encoding.UTF8.GetString(value.Span) : null;
}
