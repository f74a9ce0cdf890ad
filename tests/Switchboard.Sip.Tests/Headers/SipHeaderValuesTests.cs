using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests.Headers;

public class SipHeaderValuesTests
{
    [Theory]
    [InlineData("70", 70)]
    [InlineData("0068", 68)]
    [InlineData("255", 255)]
    public void Max_forwards_from_0_to_255_is_read(string text, int expected)
    {
        Assert.True(SipHeaderValues.TryParseMaxForwards(Encoding.UTF8.GetBytes(text), out var hops));
        Assert.Equal(expected, hops);
    }

    [Theory]
    [InlineData("256")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("7O")]
    public void Max_forwards_out_of_range_is_refused(string text) =>
        Assert.False(SipHeaderValues.TryParseMaxForwards(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void Expires_up_to_2_pow_32_minus_1_is_read_and_beyond_refused()
    {
        Assert.True(SipHeaderValues.TryParseDeltaSeconds("4294967295"u8, out var longest));
        Assert.Equal(uint.MaxValue, longest);
        Assert.False(SipHeaderValues.TryParseDeltaSeconds("10000000000000000000000000000000000000000"u8, out _));
    }

    [Fact]
    public void Supported_may_be_empty_but_not_hold_empty_elements()
    {
        var request = TestMessages.ParseRequest("""
            OPTIONS sip:switchboard.test SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKs1
            From: <sip:ann@switchboard.test>;tag=1
            To: <sip:switchboard.test>
            Call-ID: sup-1
            CSeq: 1 OPTIONS
            Supported:
            Allow: INVITE, , BYE
            Content-Length: 0


            """);

        Assert.True(request.TryGetSupported(out var optionTags));
        Assert.Empty(optionTags);
        Assert.False(request.TryGetAllow(out _));
    }
}
