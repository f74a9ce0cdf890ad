using System.Text;

namespace Switchboard.Sip.Tests;

public class SipUriTests
{
    private static SipUri Parse(string text)
    {
        Assert.True(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out var uri), text);
        return uri;
    }

    [Fact]
    public void Sip_uri_is_split_into_its_parts()
    {
        var uri = Parse("sip:alice:secret@switchboard.test:5070;transport=tcp;lr?subject=project%20x&priority=urgent");

        Assert.Equal(SipUriScheme.Sip, uri.Scheme);
        Assert.Equal("alice", uri.User.Text());
        Assert.Equal("secret", uri.Password.Text());
        Assert.Equal("switchboard.test", uri.Host.Text());
        Assert.Equal(5070, uri.Port);
        Assert.Equal(["transport=tcp", "lr"], uri.Parameters.Select(p => p.ToString()));
        Assert.Equal(["subject=project x", "priority=urgent"], uri.Headers.Select(p => p.ToString()));
    }

    [Fact]
    public void Sips_uri_with_ipv6_host_keeps_the_brackets()
    {
        var uri = Parse("SIPS:[2001:db8::10]:5061");

        Assert.Equal(SipUriScheme.Sips, uri.Scheme);
        Assert.False(uri.HasUser);
        Assert.Equal("[2001:db8::10]", uri.Host.Text());
        Assert.Equal(5061, uri.Port);
    }

    [Fact]
    public void Uri_without_port_has_none()
    {
        var uri = Parse("sip:192.0.2.4");

        Assert.Null(uri.Port);
        Assert.Equal("192.0.2.4", uri.Host.Text());
    }

    [Fact]
    public void Tel_uri_is_recognised_as_a_telephone_number_not_a_sip_uri()
    {
        var uri = Parse("tel:+1-201-555-0123;phone-context=example.com");

        Assert.Equal(SipUriScheme.Tel, uri.Scheme);
        Assert.False(uri.IsSip);
        Assert.Equal("+1-201-555-0123", uri.User.Text());
        Assert.True(uri.Parameters.TryGetValue("phone-context"u8, out var context));
        Assert.Equal("example.com", context.Text());
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:user@")]
    [InlineData("sip:user@host:99999")]
    [InlineData("sip:user@host:port")]
    [InlineData("sip:user@[::1")]
    [InlineData("sip:%zz@host")]
    [InlineData("sip:user@host;")]
    [InlineData("sip:user@host;a=")]
    [InlineData("sip:user@host?subject")]
    [InlineData("sip:us er@host")]
    [InlineData("<sip:user@host>")]
    [InlineData("1sip:user@host")]
    [InlineData("nocolon")]
    [InlineData("tel:")]
    public void Malformed_uri_is_refused(string text) => Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _));

    // A SIP address as a person writes one (a forward target): the cases Domain's former copy of the grammar had.

    [Theory]
    [InlineData("sip:alice@example.com", SipUriScheme.Sip, "alice", "example.com", null)]
    [InlineData("sips:alice@example.com:5061", SipUriScheme.Sips, "alice", "example.com", 5061)]
    [InlineData("SIP:+14155550123@203.0.113.5", SipUriScheme.Sip, "+14155550123", "203.0.113.5", null)]
    [InlineData("sip:bob@[2001:db8::1]:5070", SipUriScheme.Sip, "bob", "[2001:db8::1]", 5070)]
    [InlineData("sip:front%20desk@pbx.example.com", SipUriScheme.Sip, "front desk", "pbx.example.com", null)]
    [InlineData("  sip:alice@example.com ", SipUriScheme.Sip, "alice", "example.com", null)]
    public void Sip_addresses_are_read_into_their_parts(string text, SipUriScheme scheme, string user, string host, int? port)
    {
        Assert.True(SipUri.TryParseAddress(text, out var uri));
        Assert.Equal((scheme, user, host, port), (uri.Scheme, uri.User.Text(), uri.Host.Text(), uri.Port));
    }

    [Theory]
    [InlineData("sip:alice@example.com")]
    [InlineData("sips:bob@[2001:db8::1]:5061")]
    public void A_sip_address_is_written_back_as_it_was_read(string text)
    {
        Assert.True(SipUri.TryParseAddress(text, out var uri));
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
    [InlineData("sip:alice:secret@example.com")]
    [InlineData("sip:alice@example.com?subject=x")]
    [InlineData("sip:alice@999.1.1.1")]
    [InlineData("sip:alice@10.1")]
    [InlineData("sip:alice@[2001:db8::1")]
    [InlineData("sip:alice@[203.0.113.5]")]
    [InlineData("sip:al%2@example.com")]
    public void Malformed_sip_addresses_are_refused(string? text)
    {
        Assert.False(SipUri.TryParseAddress(text, out var uri));
        Assert.Null(uri);
    }

    [Theory]
    [InlineData("sip:alice@example..com")]
    [InlineData("sip:alice@999.1.1.1")]
    [InlineData("sip:alice@10.1")]
    [InlineData("sip:alice@example-.com")]
    public void A_host_that_is_neither_a_hostname_nor_an_ipv4_address_is_refused_anywhere_in_sip(string text) =>
        Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
