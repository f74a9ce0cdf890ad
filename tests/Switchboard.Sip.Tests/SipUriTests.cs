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
}
