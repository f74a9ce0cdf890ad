using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Tests.Routing;

public class CallerNumberPatternTests
{
    private static CallerNumberPattern Parse(string text)
    {
        Assert.True(CallerNumberPattern.TryParse(text, out var pattern, out var error), error);
        return pattern;
    }

    [Theory]
    [InlineData("+14155550123", "+14155550123", true)]
    [InlineData("+14155550123", "+14155550124", false)]
    [InlineData("+14155550123", "+141555501234", false)]
    [InlineData("+1415555XXXX", "+14155550123", true)]
    [InlineData("+1415555XXXX", "+1415555012", false)]
    [InlineData("+1415555XXXX", "+141555501234", false)]
    [InlineData("+1415555XXXX", "+1415555012+", false)]
    [InlineData("+1415555xxxx", "+14155559999", true)]
    [InlineData("+4420*", "+442079460958", true)]
    [InlineData("+4420*", "+4420", true)]
    [InlineData("+4420*", "+4421794609", false)]
    [InlineData("+4420*", "442079460958", false)]
    [InlineData("*", "anonymous", true)]
    [InlineData("X*", "", false)]
    public void Caller_numbers_match_digits_any_digit_and_trailing_star(string pattern, string callerNumber, bool matches)
    {
        Assert.Equal(matches, Parse(pattern).Matches(callerNumber));
    }

    [Fact]
    public void An_unknown_caller_matches_no_pattern()
    {
        Assert.False(Parse("*").Matches(null));
    }

    [Fact]
    public void Lower_case_x_is_read_as_any_digit()
    {
        Assert.Equal("+1415555XXXX", Parse(" +1415555xxxx ").Text);
    }

    [Theory]
    [InlineData("+44*20", "'*' may only come last")]
    [InlineData("44+20", "'+' may only come first")]
    [InlineData("+44 20", "' ' is not allowed")]
    [InlineData("+44-20", "'-' is not allowed")]
    [InlineData("+44?0", "'?' is not allowed")]
    [InlineData("", "Enter a pattern")]
    [InlineData(null, "Enter a pattern")]
    [InlineData("+123456789012345678901234567890123", "Too long")]
    public void Invalid_patterns_say_what_is_wrong(string? text, string expectedStart)
    {
        Assert.False(CallerNumberPattern.TryParse(text, out var pattern, out var error));
        Assert.Null(pattern);
        Assert.StartsWith(expectedStart, error);
    }
}
