using System.Security.Cryptography;
using System.Text;
using Switchboard.Domain.Users;

namespace Switchboard.Domain.Tests.Users;

public class SipDigestTests
{
    [Fact]
    public void Md5_ha1_matches_the_rfc_2617_example()
    {
        Assert.Equal("939e7578ed9e3c518a452acee763bce9", SipDigest.Ha1Md5("Mufasa", "testrealm@host.com", "Circle Of Life"));
    }

    [Fact]
    public void Sha256_ha1_gives_the_response_of_the_rfc_7616_example()
    {
        // RFC 7616 §3.9.1 publishes the response, not HA1; rebuilding the response from our HA1 checks it.
        var ha1 = SipDigest.Ha1Sha256("Mufasa", "http-auth@example.org", "Circle of Life");
        var ha2 = Sha256Hex("GET:/dir/index.html");
        var response = Sha256Hex($"{ha1}:7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001:f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:{ha2}");

        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response);
        Assert.Equal("7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232", ha1);
    }

    [Fact]
    public void Device_credentials_keep_both_hashes_and_not_the_password()
    {
        var credentials = SipDigest.Create("Mufasa", "Circle Of Life", "testrealm@host.com");

        Assert.Equal(
            new SipDeviceCredentials(
                "Mufasa",
                "939e7578ed9e3c518a452acee763bce9",
                SipDigest.Ha1Sha256("Mufasa", "testrealm@host.com", "Circle Of Life")),
            credentials);
        Assert.DoesNotContain("Circle Of Life", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_passwords_are_hashed_as_utf8()
    {
        // md5 of the UTF-8 bytes of "anna:switchboard:pässwörd", computed with md5sum.
        Assert.Equal("14fb09d302c4c4495c0cda6fea9edcc9", SipDigest.Ha1Md5("anna", "switchboard", "pässwörd"));
    }

    [Theory]
    [InlineData("", "secret", "switchboard")]
    [InlineData("anna", "", "switchboard")]
    [InlineData("anna", "secret", " ")]
    public void Credentials_need_a_username_a_password_and_a_realm(string username, string password, string realm)
    {
        Assert.ThrowsAny<ArgumentException>(() => SipDigest.Create(username, password, realm));
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
