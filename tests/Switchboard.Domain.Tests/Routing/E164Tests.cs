using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

public class E164Tests
{
    [Theory]
    [InlineData("+14155550123", "+14155550123")]
    [InlineData("+1 (415) 555-0123", "+14155550123")]
    [InlineData("0033 1.23.45.67.89", "+33123456789")]
    [InlineData("tel:+1-415-555-0123", "+14155550123")]
    [InlineData("TEL:+14155550123", "+14155550123")]
    [InlineData("  +49 30 1234567  ", "+49301234567")]
    [InlineData("+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("+1234567", "+1234567")]
    [InlineData("+123456789012345", "+123456789012345")]
    public void Numbers_typed_in_international_form_are_normalized(string input, string expected)
    {
        Assert.True(E164.TryNormalize(input, out var e164, out var error));
        Assert.Equal(expected, e164);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("4155550123")]
    [InlineData("0415550123")]
    [InlineData("(415) 555-0123")]
    public void National_numbers_are_refused_with_an_example_of_the_international_form(string input)
    {
        Assert.False(E164.TryNormalize(input, out var e164, out var error));
        Assert.Equal("", e164);
        Assert.Equal("Enter the number in international form, e.g. +14155550123", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_number_asks_for_one(string? input)
    {
        Assert.False(E164.TryNormalize(input, out _, out var error));
        Assert.StartsWith("Enter a phone number", error);
    }

    [Fact]
    public void Six_digits_are_too_short()
    {
        Assert.False(E164.TryNormalize("+123456", out _, out var error));
        Assert.StartsWith("Too short", error);
    }

    [Fact]
    public void Sixteen_digits_are_too_long()
    {
        Assert.False(E164.TryNormalize("+1234567890123456", out _, out var error));
        Assert.StartsWith("Too long", error);
    }

    [Theory]
    [InlineData("+0123456789")]
    [InlineData("000123456789")]
    public void A_country_code_starting_with_zero_is_refused(string input)
    {
        Assert.False(E164.TryNormalize(input, out _, out var error));
        Assert.StartsWith("The country code cannot start with 0", error);
    }

    [Theory]
    [InlineData("+1415555012a")]
    [InlineData("+1415+5550123")]
    [InlineData("+1415/5550123")]
    [InlineData("+1415555;0123")]
    public void Letters_and_other_signs_are_refused(string input)
    {
        Assert.False(E164.TryNormalize(input, out _, out var error));
        Assert.StartsWith("Only digits may follow the +", error);
    }

    [Fact]
    public void A_plus_alone_is_too_short()
    {
        Assert.False(E164.TryNormalize("+", out _, out var error));
        Assert.StartsWith("Too short", error);
    }

    [Fact]
    public void Normalize_gives_the_number_or_null()
    {
        Assert.Equal("+14155550123", E164.Normalize("+1 415 555 0123"));
        Assert.Null(E164.Normalize("555 0123"));
        Assert.Null(E164.Normalize(null));
    }
}
