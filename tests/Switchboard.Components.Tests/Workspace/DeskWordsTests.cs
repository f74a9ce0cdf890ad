using Switchboard.Server.Components.Workspace;
using Switchboard.Server.Workspace;
using Switchboard.Telephony;

namespace Switchboard.Components.Tests.Workspace;

public sealed class DeskWordsTests
{
    [Theory]
    [InlineData("interrupted", "the server stopped without ending the call", null, "the switchboard stopped without ending it.")]
    [InlineData("failed", BackToBackUserAgent.ServerStoppedDetail, "failed", "the switchboard restarted.")]
    [InlineData("answeredFromQueue", null, "callerHungUp", "the caller hung up.")]
    [InlineData("answeredFromQueue", null, "hungUp", "you hung up.")]
    [InlineData("answeredFromQueue", null, "transferred", "it was transferred.")]
    [InlineData("failed", "the agent's phone went away", null, "the call failed.")]
    [InlineData("answeredFromQueue", null, null, "it is over.")]
    public void A_call_lost_while_the_page_was_away_is_told_with_why_its_record_says(string result, string? detail, string? agentEnding, string why)
    {
        Assert.Equal(
            $"Your call with +14155550123 ended while this page was away: {why}",
            DeskWords.Lost("+14155550123", new CallEndView(result, detail, agentEnding)));
    }

    [Fact]
    public void A_call_without_a_record_was_lost_with_the_server()
    {
        Assert.Equal(
            "Your call with +14155550123 ended while this page was away: the switchboard restarted before recording it.",
            DeskWords.Lost("+14155550123", null));
    }
}
