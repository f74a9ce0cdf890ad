using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests.Headers;

public class NameAddressTests
{
    private static NameAddress Parse(string text)
    {
        Assert.True(NameAddress.TryParse(Encoding.UTF8.GetBytes(text), out var address), text);
        return address;
    }

    [Fact]
    public void Quoted_display_name_is_unescaped_and_tag_read()
    {
        var address = Parse("\"Agent \\\"Ann\\\" Smith\" <sip:ann@switchboard.test>;tag=a1b2");

        Assert.Equal("Agent \"Ann\" Smith", address.DisplayName.Text());
        Assert.True(address.IsBracketed);
        Assert.Equal("ann", address.Uri.User.Text());
        Assert.Equal("a1b2", address.Tag.Text());
    }

    [Fact]
    public void Token_display_name_keeps_its_inner_spaces()
    {
        var address = Parse("Sales  Queue <sip:sales@switchboard.test>");

        Assert.Equal("Sales  Queue", address.DisplayName.Text());
        Assert.False(address.HasTag);
    }

    [Fact]
    public void Addr_spec_parameters_belong_to_the_header()
    {
        var address = Parse("sip:ann@switchboard.test;tag=88;expires=60");

        Assert.False(address.IsBracketed);
        Assert.False(address.HasDisplayName);
        Assert.Empty(address.Uri.Parameters);
        Assert.Equal(["tag=88", "expires=60"], address.Parameters.Select(p => p.ToString()));
    }

    [Fact]
    public void Angle_bracket_inside_a_quoted_parameter_does_not_make_a_display_name()
    {
        var address = Parse("sip:ann@switchboard.test;note=\"<urgent>\"");

        Assert.False(address.HasDisplayName);
        Assert.True(address.Parameters.TryGetValue("note"u8, out var note));
        Assert.Equal("<urgent>", note.Text());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"unterminated <sip:a@b>")]
    [InlineData("\"name\" sip:a@b")]
    [InlineData("<sip:a@b")]
    [InlineData("< sip:a@b>")]
    [InlineData("Bell, Alexander <sip:a@b>")]
    [InlineData("sip:a@b?subject=x")]
    [InlineData("<sip:a@b>;tag=")]
    [InlineData("<sip:a@b>;;")]
    [InlineData("<sip:a@b> junk")]
    public void Malformed_address_is_refused(string text) => Assert.False(NameAddress.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
