using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Authentication;

/// <summary>
/// The server side of SIP digest authentication (RFC 3261 §22, RFC 2617, RFC 8760): challenges offering SHA-256
/// and MD5 with qop=auth, and verification of credentials against stored HA1s; an answer without qop=auth is
/// malformed. Nonces are validated without state
/// (see <see cref="DigestNonce"/>); only nonce-counts are remembered, against replay. Digests compare in constant time.
/// </summary>
public sealed class DigestChallenger
{
    private readonly DigestNonce _nonces;
    private readonly NonceCounts _counts = new();
    private readonly TimeProvider _time;
    private readonly string _opaque;
    private readonly IReadOnlyList<DigestAlgorithm> _algorithms;
    private readonly SipDigestCredentials _decoy = new(
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    /// <param name="realm">The protection domain shown to users, e.g. the service's host name.</param>
    /// <param name="secret">The server secret nonces are signed with (at least 16 random bytes, kept across restarts if nonces should be).</param>
    /// <param name="algorithms">
    /// What to offer, most preferred first; by default SHA-256 then MD5. Some clients fail on any challenge they
    /// cannot answer instead of picking one they can (baresip 1.0 with SHA-256): offer only MD5 to those.
    /// </param>
    public DigestChallenger(string realm, byte[] secret, TimeProvider time, TimeSpan nonceLifetime, IReadOnlyList<DigestAlgorithm>? algorithms = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(realm);
        if (secret.Length < 16)
            throw new ArgumentException("The secret needs at least 16 bytes.", nameof(secret));
        Realm = realm;
        NonceLifetime = nonceLifetime;
        _nonces = new DigestNonce(secret);
        _time = time;
        _algorithms = algorithms is { Count: > 0 } ? algorithms : [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];
        _opaque = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(realm))[..8]);
    }

    public string Realm { get; }

    public TimeSpan NonceLifetime { get; }

    /// <summary>
    /// The WWW-Authenticate (or Proxy-Authenticate) values of one challenge, one per offered algorithm in order of
    /// preference, sharing one nonce (RFC 8760 §2.4).
    /// </summary>
    public IReadOnlyList<string> CreateChallenges(bool stale)
    {
        var nonce = _nonces.Create(_time.GetUtcNow());
        var staleParameter = stale ? ", stale=true" : "";
        return
        [
            .. _algorithms.Select(algorithm =>
                $"Digest realm=\"{Realm}\", nonce=\"{nonce}\", opaque=\"{_opaque}\", algorithm={DigestCalculator.Name(algorithm)}, qop=\"auth\"{staleParameter}"),
        ];
    }

    /// <summary>Adds the challenges to a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate).</summary>
    public void AddChallenges(SipResponse response, bool stale)
    {
        var name = response.StatusCode == 407 ? "Proxy-Authenticate" : "WWW-Authenticate";
        foreach (var challenge in CreateChallenges(stale))
            response.Headers.Add(name, challenge);
    }

    /// <summary>Checks the Authorization (or, with <paramref name="proxy"/>, Proxy-Authorization) of a request for this realm.</summary>
    public async ValueTask<DigestVerification> VerifyAsync(SipRequest request, ISipCredentialLookup credentials, CancellationToken cancellationToken,
        bool proxy = false)
    {
        var headerName = proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization;
        if (!request.Headers.Contains(headerName))
            return new DigestVerification(DigestVerdict.Missing, null);
        if (!request.TryGetAuthentication(headerName, out var all))
            return new DigestVerification(DigestVerdict.Malformed, null);
        var ours = all.FirstOrDefault(header => header.IsDigest && Value(header, "realm") == Realm);
        if (ours is null)
            return new DigestVerification(DigestVerdict.Missing, null);
        var username = Value(ours, "username");
        var nonce = Value(ours, "nonce");
        var uri = Value(ours, "uri");
        var response = Value(ours, "response");
        var qop = Value(ours, "qop");
        var nonceCount = Value(ours, "nc");
        var clientNonce = Value(ours, "cnonce");
        if (username is null || nonce is null || uri is null || response is null
            || !DigestCalculator.TryParse(Value(ours, "algorithm"), out var algorithm) || !_algorithms.Contains(algorithm)
            // qop="auth" is always offered, so an answer must use it (RFC 2617 §3.2.2): without qop there is no
            // nonce-count, and a captured request could be replayed as often as its nonce lives.
            || qop != "auth" || clientNonce is null || !uint.TryParse(nonceCount, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var count)
            || uri != Encoding.UTF8.GetString(request.RequestUri.Span))
        {
            return new DigestVerification(DigestVerdict.Malformed, username);
        }
        if (!_nonces.TryRead(nonce, out var issued))
            return new DigestVerification(DigestVerdict.UnknownNonce, username);
        var stored = await credentials.FindAsync(username, cancellationToken).ConfigureAwait(false);
        var method = Encoding.UTF8.GetString(request.Method.Span);
        // An unknown user costs the same work as a known one, so timing does not tell them apart either.
        var expected = DigestCalculator.Response(algorithm, (stored ?? _decoy).Ha1(algorithm), nonce, nonceCount, clientNonce, qop, method, uri);
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant()));
        if (stored is null)
            return new DigestVerification(DigestVerdict.UnknownUser, username);
        if (!matches)
            return new DigestVerification(DigestVerdict.WrongCredentials, username);
        var now = _time.GetUtcNow();
        var expires = issued + NonceLifetime;
        if (now >= expires)
            return new DigestVerification(DigestVerdict.Stale, username);
        // A count that does not grow is a replay of a request seen before (RFC 2617 §3.2.2).
        if (!_counts.TryAdvance(nonce, count, expires, now))
            return new DigestVerification(DigestVerdict.Stale, username);
        return new DigestVerification(DigestVerdict.Valid, username);
    }

    private static string? Value(AuthenticationHeader header, string name) =>
        header.Parameters.TryGetValue(Encoding.ASCII.GetBytes(name), out var value) ? Encoding.UTF8.GetString(value.Span) : null;
}
