using Switchboard.Sip.Authentication;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Tests.Fakes;

namespace Switchboard.Sip.Tests.Authentication;

public class DigestChallengerTests
{
    private const string Realm = "switchboard.test";
    private readonly FakeTimeProvider _time = new();
    private readonly DigestChallenger _challenger;
    private readonly InMemoryCredentials _users = new(Realm, ("alice", "correct horse"));

    public DigestChallengerTests() =>
        _challenger = new DigestChallenger(Realm, "0123456789abcdef0123456789abcdef"u8.ToArray(), _time, TimeSpan.FromMinutes(5));

    private SipResponse Challenge(SipRequest request, bool stale = false)
    {
        var challenge = SipResponseBuilder.CreateResponse(request, 401, "srv"u8);
        _challenger.AddChallenges(challenge, stale);
        return Assert.IsType<SipResponse>(TestMessages.Parse(SipMessageWriter.ToArray(challenge)));
    }

    private SipRequest Answered(SipRequest request, string user, string password, SipResponse? challenge = null)
    {
        Assert.True(DigestClient.TryCreateAuthorizedRetry(request, challenge ?? Challenge(request), user, password, out var retry));
        retry.Headers.Add("Via", "SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKretry");
        return Assert.IsType<SipRequest>(TestMessages.Parse(SipMessageWriter.ToArray(retry)));
    }

    private ValueTask<DigestVerification> Verify(SipRequest request) => _challenger.VerifyAsync(request, _users, CancellationToken.None);

    [Fact]
    public void A_challenge_offers_sha256_then_md5_with_qop_auth_and_one_nonce()
    {
        var challenge = Challenge(SipTestMessages.Request("REGISTER"));

        Assert.True(challenge.TryGetAuthentication(SipHeaderNames.WwwAuthenticate, out var offers));
        Assert.Equal(["SHA-256", "MD5"], offers.Select(o => Value(o, "algorithm")));
        Assert.All(offers, o => Assert.Equal(Realm, Value(o, "realm")));
        Assert.All(offers, o => Assert.Equal("auth", Value(o, "qop")));
        Assert.All(offers, o => Assert.NotNull(Value(o, "opaque")));
        Assert.Equal(Value(offers[0], "nonce"), Value(offers[1], "nonce"));
    }

    [Fact]
    public async Task A_request_without_credentials_is_to_be_challenged()
    {
        var verification = await Verify(SipTestMessages.Request("REGISTER"));

        Assert.Equal(DigestVerdict.Missing, verification.Verdict);
    }

    [Fact]
    public async Task The_right_password_is_accepted_and_the_client_prefers_sha256()
    {
        var request = Answered(SipTestMessages.Request("REGISTER"), "alice", "correct horse");

        var verification = await Verify(request);

        Assert.Equal(new DigestVerification(DigestVerdict.Valid, "alice"), verification);
        Assert.Contains("algorithm=SHA-256", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("2 REGISTER", request.Header("CSeq"));
    }

    [Fact]
    public async Task An_md5_only_challenge_is_answered_with_md5_and_accepted()
    {
        var request = SipTestMessages.Request("REGISTER");
        var md5Only = SipResponseBuilder.CreateResponse(request, 401, "srv"u8);
        md5Only.Headers.Add("WWW-Authenticate", _challenger.CreateChallenges(stale: false)[1]);
        var parsed = Assert.IsType<SipResponse>(TestMessages.Parse(SipMessageWriter.ToArray(md5Only)));

        var answered = Answered(request, "alice", "correct horse", parsed);

        Assert.Contains("algorithm=MD5", answered.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(DigestVerdict.Valid, (await Verify(answered)).Verdict);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var verification = await Verify(Answered(SipTestMessages.Request("REGISTER"), "alice", "battery staple"));

        Assert.Equal(DigestVerdict.WrongCredentials, verification.Verdict);
    }

    [Fact]
    public async Task An_unknown_user_is_refused()
    {
        var verification = await Verify(Answered(SipTestMessages.Request("REGISTER"), "mallory", "anything"));

        Assert.Equal(new DigestVerification(DigestVerdict.UnknownUser, "mallory"), verification);
    }

    [Fact]
    public async Task An_expired_nonce_with_the_right_password_is_stale()
    {
        var request = Answered(SipTestMessages.Request("REGISTER"), "alice", "correct horse");

        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(DigestVerdict.Stale, (await Verify(request)).Verdict);
    }

    [Fact]
    public async Task A_replayed_nonce_count_is_stale()
    {
        var request = Answered(SipTestMessages.Request("REGISTER"), "alice", "correct horse");

        var first = await Verify(request);
        var replay = await Verify(request);

        Assert.Equal(DigestVerdict.Valid, first.Verdict);
        Assert.Equal(DigestVerdict.Stale, replay.Verdict);
    }

    [Fact]
    public async Task An_answer_without_qop_is_malformed_although_its_digest_is_right()
    {
        var request = SipTestMessages.Request("REGISTER");
        var challenge = Challenge(request);
        Assert.True(challenge.TryGetAuthentication(SipHeaderNames.WwwAuthenticate, out var offers));
        var nonce = Value(offers[0], "nonce")!;
        var ha1 = DigestCalculator.Ha1(DigestAlgorithm.Sha256, "alice", Realm, "correct horse");
        var uri = request.RequestUri.Text();
        var response = DigestCalculator.Response(DigestAlgorithm.Sha256, ha1, nonce, null, null, null, "REGISTER", uri);
        var withoutQop = SipTestMessages.Request("REGISTER", extraHeaders:
            $"Authorization: Digest username=\"alice\", realm=\"{Realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm=SHA-256");

        Assert.Equal(DigestVerdict.Malformed, (await Verify(withoutQop)).Verdict);
    }

    [Fact]
    public async Task A_nonce_signed_by_another_secret_is_not_ours()
    {
        var other = new DigestChallenger(Realm, "fedcba9876543210fedcba9876543210"u8.ToArray(), _time, TimeSpan.FromMinutes(5));
        var request = SipTestMessages.Request("REGISTER");
        var foreign = SipResponseBuilder.CreateResponse(request, 401, "srv"u8);
        other.AddChallenges(foreign, stale: false);
        var parsed = Assert.IsType<SipResponse>(TestMessages.Parse(SipMessageWriter.ToArray(foreign)));

        var verification = await Verify(Answered(request, "alice", "correct horse", parsed));

        Assert.Equal(DigestVerdict.UnknownNonce, verification.Verdict);
    }

    [Fact]
    public async Task Credentials_for_another_uri_are_malformed()
    {
        var request = SipTestMessages.Request("REGISTER", extraHeaders:
            "Authorization: Digest username=\"alice\", realm=\"switchboard.test\", nonce=\"00\", uri=\"sip:elsewhere\", response=\"00\"");

        Assert.Equal(DigestVerdict.Malformed, (await Verify(request)).Verdict);
    }

    [Fact]
    public async Task Only_the_offered_algorithms_are_offered_and_accepted()
    {
        var md5Only = new DigestChallenger(Realm, "0123456789abcdef0123456789abcdef"u8.ToArray(), _time, TimeSpan.FromMinutes(5), [DigestAlgorithm.Md5]);
        var request = SipTestMessages.Request("REGISTER");
        var shaAnswer = Answered(request, "alice", "correct horse");

        var offers = md5Only.CreateChallenges(stale: false);
        var verification = await md5Only.VerifyAsync(shaAnswer, _users, CancellationToken.None);

        Assert.Contains("algorithm=MD5", Assert.Single(offers), StringComparison.Ordinal);
        Assert.Equal(DigestVerdict.Malformed, verification.Verdict);
    }

    [Fact]
    public void A_stale_challenge_says_so()
    {
        var challenge = Challenge(SipTestMessages.Request("REGISTER"), stale: true);

        Assert.True(challenge.TryGetAuthentication(SipHeaderNames.WwwAuthenticate, out var offers));
        Assert.All(offers, o => Assert.Equal("true", Value(o, "stale")));
    }

    [Fact]
    public void A_proxy_challenge_is_answered_in_proxy_authorization()
    {
        var request = SipTestMessages.Request("INVITE");
        var challenge = SipResponseBuilder.CreateResponse(request, 407, "srv"u8);
        _challenger.AddChallenges(challenge, stale: false);
        var parsed = Assert.IsType<SipResponse>(TestMessages.Parse(SipMessageWriter.ToArray(challenge)));

        Assert.True(DigestClient.TryCreateAuthorizedRetry(request, parsed, "alice", "correct horse", out var retry));

        Assert.True(retry.Headers.Contains("Proxy-Authorization"u8));
        Assert.False(retry.Headers.Contains("Via"u8));
    }

    private static string? Value(AuthenticationHeader header, string name) =>
        header.Parameters.TryGetValue(System.Text.Encoding.ASCII.GetBytes(name), out var value) ? value.Text() : null;
}
