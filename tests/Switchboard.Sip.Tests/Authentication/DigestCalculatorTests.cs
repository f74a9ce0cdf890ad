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
}
