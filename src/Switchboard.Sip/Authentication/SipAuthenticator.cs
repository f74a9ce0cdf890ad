using System.Globalization;
using System.Text;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Authentication;

/// <summary>
/// Digest authentication of a request as a registrar (401) or as a proxy-like server for INVITEs (407). An unknown
/// user and a wrong password get the same challenge and then the same 403, so usernames cannot be enumerated.
/// Blocked sources and accounts (<see cref="ISipAuthenticationGuard"/>) get 403 "Too Many Failed Attempts" with
/// Retry-After before anything is checked: 403 says "do not repeat, authorization will not help", which is true
/// for the block's length, whereas a 503 would tell a phone the whole server is down (RFC 3263 §4.3 fail-over).
/// </summary>
public sealed class SipAuthenticator
{
    private readonly ISipCredentialLookup _credentials;
    private readonly ISipAuthenticationGuard _guard;

    public SipAuthenticator(DigestChallenger challenger, ISipCredentialLookup credentials, ISipAuthenticationGuard guard)
    {
        Challenger = challenger;
        _credentials = credentials;
        _guard = guard;
    }

    public DigestChallenger Challenger { get; }

    /// <param name="proxy">Challenge with 407 and read Proxy-Authorization (INVITE) instead of 401 and Authorization.</param>
    public async ValueTask<SipAuthentication> AuthenticateAsync(SipServerTransaction transaction, bool proxy, CancellationToken cancellationToken)
    {
        var source = transaction.Received.Source.EndPoint;
        if (_guard.RefusedFor(source, null) is var sourceBlock && sourceBlock > TimeSpan.Zero)
            return Blocked(transaction, sourceBlock);

        var verification = await Challenger.VerifyAsync(transaction.Request, _credentials, cancellationToken, proxy).ConfigureAwait(false);
        switch (verification.Verdict)
        {
            case DigestVerdict.Missing or DigestVerdict.UnknownNonce or DigestVerdict.Stale:
                var challenge = transaction.CreateResponse(proxy ? 407 : 401);
                Challenger.AddChallenges(challenge, stale: verification.Verdict == DigestVerdict.Stale);
                return new SipAuthentication(null, challenge, IsChallenge: true);
            case DigestVerdict.Malformed:
                return new SipAuthentication(null, transaction.CreateResponse(400, proxy ? "Malformed Proxy-Authorization" : "Malformed Authorization"), false);
        }

        var username = verification.Username!;
        // Checked once the username is known, and whatever the digest said: while blocked, the right password fails too.
        if (_guard.RefusedFor(source, username) is var accountBlock && accountBlock > TimeSpan.Zero)
            return Blocked(transaction, accountBlock);
        if (verification.Verdict != DigestVerdict.Valid)
        {
            _guard.Failed(source, username, Encoding.UTF8.GetString(transaction.Request.Method.Span), verification.Verdict);
            return new SipAuthentication(null, transaction.CreateResponse(403), false);
        }
        _guard.Succeeded(source, username);
        return new SipAuthentication(username, null, false);
    }

    private static SipAuthentication Blocked(SipServerTransaction transaction, TimeSpan retryAfter)
    {
        var refusal = transaction.CreateResponse(403, "Too Many Failed Attempts");
        refusal.Headers.Add("Retry-After", ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        return new SipAuthentication(null, refusal, false);
    }
}
