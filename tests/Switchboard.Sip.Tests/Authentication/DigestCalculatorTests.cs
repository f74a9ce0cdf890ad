using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Authentication;

namespace Switchboard.Sip.Tests.Authentication;

public class DigestCalculatorTests
{
    [Fact]
    public void Md5_response_matches_the_example_of_rfc_2617()
    {
        var ha1 = DigestCalculator.Ha1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life");

        var response = DigestCalculator.Response(DigestAlgorithm.Md5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth",
            "GET", "/dir/index.html");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Responses_match_the_examples_of_rfc_7616(DigestAlgorithm algorithm, string expected)
    {
        var ha1 = DigestCalculator.Ha1(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life");

        var response = DigestCalculator.Response(algorithm, ha1, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", "GET", "/dir/index.html");

        Assert.Equal(expected, response);
    }

    [Fact]
    public void Md5_ha1_matches_the_rfc_2617_example()
    {
        Assert.Equal("939e7578ed9e3c518a452acee763bce9", DigestCalculator.Ha1(DigestAlgorithm.Md5, "Mufasa", "testrealm@host.com", "Circle Of Life"));
    }

    [Fact]
    public void Sha256_ha1_gives_the_response_of_the_rfc_7616_example()
    {
        // RFC 7616 §3.9.1 publishes the response, not HA1; rebuilding the response from our HA1 by hand checks it.
        var ha1 = DigestCalculator.Ha1(DigestAlgorithm.Sha256, "Mufasa", "http-auth@example.org", "Circle of Life");
        var ha2 = Sha256Hex("GET:/dir/index.html");
        var response = Sha256Hex($"{ha1}:7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:{ha2}");

        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response);
        Assert.Equal("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232", ha1);
    }

    [Fact]
    public void Non_ascii_passwords_are_hashed_as_utf8()
    {
        // md5 of the UTF-8 bytes of "anna:switchboard:pässwörd", computed with md5sum.
        Assert.Equal("14fb09d302c4c4495c0cda6fea9edcc9", DigestCalculator.Ha1(DigestAlgorithm.Md5, "anna", "switchboard", "pässwörd"));
    }

    [Fact]
    public void Device_credentials_keep_both_hashes_and_not_the_password()
    {
        var credentials = SipDigestCredentials.Create("Mufasa", "Circle Of Life", "testrealm@host.com");

        Assert.Equal(
            new SipDigestCredentials(
                "939e7578ed9e3c518a452acee763bce9",
                DigestCalculator.Ha1(DigestAlgorithm.Sha256, "Mufasa", "testrealm@host.com", "Circle Of Life")),
            credentials);
        Assert.Equal("939e7578ed9e3c518a452acee763bce9", credentials.Ha1(DigestAlgorithm.Md5));
        Assert.DoesNotContain("Circle Of Life", credentials.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "secret", "switchboard")]
    [InlineData("anna", "", "switchboard")]
    [InlineData("anna", "secret", " ")]
    public void Credentials_need_a_username_a_password_and_a_realm(string username, string password, string realm)
    {
        Assert.ThrowsAny<ArgumentException>(() => SipDigestCredentials.Create(username, password, realm));
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
