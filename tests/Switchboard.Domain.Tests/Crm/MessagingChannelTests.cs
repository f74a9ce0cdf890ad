using Switchboard.Domain.Crm;

namespace Switchboard.Domain.Tests.Crm;

public class MessagingChannelTests
{
    [Theory]
    [InlineData("Telegram", "telegram")]
    [InlineData(" web_chat-2 ", "web_chat-2")]
    public void Channel_names_are_lower_case(string input, string expected)
    {
        Assert.True(MessagingChannel.TryNormalize(input, out var channel, out _));
        Assert.Equal(expected, channel);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tele gram")]
    [InlineData("télégram")]
    public void Channel_names_with_spaces_or_other_letters_are_refused(string input) =>
        Assert.False(MessagingChannel.TryNormalize(input, out _, out _));

    [Fact]
    public void An_identifier_is_kept_as_written_but_trimmed()
    {
        Assert.True(MessagingChannel.TryNormalizeIdentifier("  @Ann_Smith ", out var identifier, out _));
        Assert.Equal("@Ann_Smith", identifier);
        Assert.False(MessagingChannel.TryNormalizeIdentifier(" ", out _, out var error));
        Assert.NotEmpty(error);
    }
}
