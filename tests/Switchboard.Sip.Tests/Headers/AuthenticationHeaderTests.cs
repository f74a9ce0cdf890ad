using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests.Headers;

public class AuthenticationHeaderTests
{
    [Fact]
    public void Digest_challenge_is_read_with_quoted_and_token_values()
    {
        var value = "Digest realm=\"switchboard.test\", nonce=\"5f2a9c1d7e\", algorithm=MD5, qop=\"auth,auth-int\", stale=FALSE"u8.ToArray();

        Assert.True(AuthenticationHeader.TryParse(value, out var challenge));

        Assert.True(challenge.IsDigest);
        Assert.Equal(
            ["realm=switchboard.test", "nonce=5f2a9c1d7e", "algorithm=MD5", "qop=auth,auth-int", "stale=FALSE"],
            challenge.Parameters.Select(p => p.ToString()));
    }

    [Fact]
    public void Escapes_inside_quoted_values_are_resolved()
    {
        Assert.True(AuthenticationHeader.TryParse("Digest username=\"ann \\\"the agent\\\"\",realm=\"a\\\\b\""u8.ToArray(), out var credentials));

        Assert.True(credentials.Parameters.TryGetValue("USERNAME"u8, out var username));
        Assert.Equal("ann \"the agent\"", username.Text());
        Assert.True(credentials.Parameters.TryGetValue("realm"u8, out var realm));
        Assert.Equal("a\\b", realm.Text());
    }

    [Fact]
    public void Each_line_of_a_challenge_header_is_its_own_challenge()
    {
        var response = TestMessages.Parse(TestMessages.Wire("""
            SIP/2.0 401 Unauthorized
            Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKa1
            From: <sip:ann@switchboard.test>;tag=1
            To: <sip:ann@switchboard.test>;tag=2
            Call-ID: auth-1
            CSeq: 1 REGISTER
            WWW-Authenticate: Digest realm="switchboard.test", nonce="n1", algorithm=SHA-256
            WWW-Authenticate: Digest realm="switchboard.test", nonce="n2", algorithm=MD5
            Content-Length: 0


            """));

        Assert.True(response.TryGetAuthentication(SipHeaderNames.WwwAuthenticate, out var challenges));

        Assert.Equal(["n1", "n2"], challenges.Select(c => c.Parameters.TryGetValue("nonce"u8, out var n) ? n.Text() : ""));
    }

    [Theory]
    [InlineData("Digest")]
    [InlineData("Digest realm")]
    [InlineData("Digest realm=\"open")]
    [InlineData("Digest realm=a,")]
    [InlineData("Digest realm=a nonce=b")]
    [InlineData("Digestrealm=a")]
    public void Malformed_credentials_are_refused(string text) =>
        Assert.False(AuthenticationHeader.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
