using Switchboard.Domain.Crm;

namespace Switchboard.Domain.Tests.Crm;

public class EmailAddressTests
{
    [Theory]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("  Ann.Smith+crm@Example.co.uk ", "Ann.Smith+crm@Example.co.uk")]
    public void Addresses_are_accepted_trimmed_as_written(string input, string expected)
    {
        Assert.True(EmailAddress.TryNormalize(input, out var address, out var error));
        Assert.Equal((expected, ""), (address, error));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData("ann@localhost")]
    [InlineData("ann@@example.com")]
    public void Anything_but_a_bare_address_at_a_domain_is_refused_with_a_message(string input)
    {
        Assert.False(EmailAddress.TryNormalize(input, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Addresses_are_compared_regardless_of_case() =>
        Assert.Equal(EmailAddress.Key("Ann@Example.com"), EmailAddress.Key("ann@example.COM"));
}
