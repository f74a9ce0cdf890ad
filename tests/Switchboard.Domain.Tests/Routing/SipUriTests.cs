using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

public class SipUriTests
{
    [Theory]
    [InlineData("sip:alice@example.com", false, "alice", "example.com", null)]
    [InlineData("sips:alice@example.com:5061", true, "alice", "example.com", 5061)]
    [InlineData("SIP:+14155550123@203.0.113.5", false, "+14155550123", "203.0.113.5", null)]
    [InlineData("sip:bob@[2001:db8::1]:5070", false, "bob", "[2001:db8::1]", 5070)]
    [InlineData("sip:front%20desk@pbx.example.com", false, "front%20desk", "pbx.example.com", null)]
    public void Sip_addresses_are_read_into_their_parts(string text, bool secure, string user, string host, int? port)
    {
        Assert.True(SipUri.TryParse(text, out var uri));
        Assert.Equal(new SipUri(secure, user, host, port), uri);
    }

    [Theory]
    [InlineData("sip:alice@example.com")]
    [InlineData("sips:bob@[2001:db8::1]:5061")]
    public void A_sip_address_is_written_back_as_it_was_read(string text)
    {
        Assert.True(SipUri.TryParse(text, out var uri));
        Assert.Equal(text, uri.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alice@example.com")]
    [InlineData("tel:+14155550123")]
    [InlineData("sip:example.com")]
    [InlineData("sip:@example.com")]
    [InlineData("sip:alice@")]
    [InlineData("sip:al ice@example.com")]
    [InlineData("sip:alice@exa_mple.com")]
    [InlineData("sip:alice@-example.com")]
    [InlineData("sip:alice@example..com")]
    [InlineData("sip:alice@example.com:0")]
    [InlineData("sip:alice@example.com:65536")]
    [InlineData("sip:alice@example.com:")]
    [InlineData("sip:alice@example.com:+50")]
    [InlineData("sip:alice@example.com;transport=tcp")]
    [InlineData("sip:alice@999.1.1.1")]
    [InlineData("sip:alice@10.1")]
    [InlineData("sip:alice@[2001:db8::1")]
    [InlineData("sip:alice@[203.0.113.5]")]
    [InlineData("sip:al%2@example.com")]
    public void Malformed_sip_addresses_are_refused(string? text)
    {
        Assert.False(SipUri.TryParse(text, out var uri));
        Assert.Null(uri);
    }
}
