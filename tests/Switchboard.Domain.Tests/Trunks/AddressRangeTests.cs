using System.Net;
using Switchboard.Domain.Trunks;

namespace Switchboard.Domain.Tests.Trunks;

public class AddressRangeTests
{
    private static AddressRange Parse(string text)
    {
        Assert.True(AddressRange.TryParse(text, out var range, out var error), error);
        return range;
    }

    [Theory]
    [InlineData("203.0.113.5", "203.0.113.5")]
    [InlineData(" 203.0.113.0/24 ", "203.0.113.0/24")]
    [InlineData("192.168.1.10/24", "192.168.1.0/24")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("10.1.2.3/32", "10.1.2.3")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("2001:db8:abcd::/48", "2001:db8:abcd::/48")]
    [InlineData("2001:db8::ff/120", "2001:db8::/120")]
    [InlineData("::ffff:203.0.113.5", "::ffff:203.0.113.5")]
    public void Addresses_and_blocks_are_read_and_shown_in_their_plain_form(string text, string shown)
    {
        Assert.Equal(shown, Parse(text).ToString());
    }

    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.0", true)]
    [InlineData("203.0.113.0/24", "203.0.113.255", true)]
    [InlineData("203.0.113.0/24", "203.0.114.0", false)]
    [InlineData("203.0.113.5", "203.0.113.5", true)]
    [InlineData("203.0.113.5", "203.0.113.6", false)]
    [InlineData("10.0.0.0/9", "10.127.255.255", true)]
    [InlineData("10.0.0.0/9", "10.128.0.0", false)]
    [InlineData("0.0.0.0/0", "198.51.100.7", true)]
    [InlineData("203.0.113.0/24", "::ffff:203.0.113.9", true)]
    [InlineData("203.0.113.0/24", "::ffff:198.51.100.9", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8::/32", "203.0.113.5", false)]
    [InlineData("203.0.113.0/24", "2001:db8::1", false)]
    [InlineData("::/0", "2001:db8::1", true)]
    public void An_address_is_contained_when_it_shares_the_prefix(string range, string address, bool contained)
    {
        Assert.Equal(contained, Parse(range).Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.1")]
    [InlineData("10.0.0.256")]
    [InlineData("0x0a.0.0.1")]
    [InlineData("10.0.0.1.5")]
    [InlineData("example.com")]
    [InlineData("[2001:db8::1]")]
    [InlineData("fe80::1%2")]
    [InlineData("2001:db8:::1")]
    [InlineData("10.0.0.-1")]
    public void Text_that_is_not_a_plain_address_is_refused(string text)
    {
        Assert.False(AddressRange.TryParse(text, out var range, out var error));
        Assert.Null(range);
        Assert.EndsWith("is not an IP address; e.g. 203.0.113.5, 203.0.113.0/24 or 2001:db8::/32", error);
    }

    [Theory]
    [InlineData("10.0.0.0/33", "The prefix after '/' must be a whole number from 0 to 32 for IPv4")]
    [InlineData("10.0.0.0/", "The prefix after '/' must be a whole number from 0 to 32 for IPv4")]
    [InlineData("10.0.0.0/-1", "The prefix after '/' must be a whole number from 0 to 32 for IPv4")]
    [InlineData("10.0.0.0/ 8", "The prefix after '/' must be a whole number from 0 to 32 for IPv4")]
    [InlineData("2001:db8::/129", "The prefix after '/' must be a whole number from 0 to 128 for IPv6")]
    public void A_prefix_out_of_range_is_refused(string text, string message)
    {
        Assert.False(AddressRange.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Nothing_typed_asks_for_an_address(string? text)
    {
        Assert.False(AddressRange.TryParse(text, out _, out var error));
        Assert.StartsWith("Enter an IP address or a CIDR block", error);
    }

    [Fact]
    public void Parse_throws_with_the_reason_on_bad_text()
    {
        var thrown = Assert.Throws<FormatException>(() => AddressRange.Parse("10.0.0.0/40"));

        Assert.StartsWith("The prefix after '/'", thrown.Message);
    }

    [Fact]
    public void Two_ways_of_writing_the_same_block_are_equal()
    {
        Assert.Equal(Parse("192.168.1.0/24"), Parse("192.168.1.77/24"));
        Assert.NotEqual(Parse("192.168.1.0/24"), Parse("192.168.1.0/25"));
    }
}
