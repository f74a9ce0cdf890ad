using Bunit;
using Switchboard.Server.Components.Shared;

namespace Switchboard.Components.Tests.Shared;

public sealed class UsageRefusalTests : BunitContext
{
    [Fact]
    public void Says_what_was_not_deleted_and_every_place_that_uses_it()
    {
        var refusal = Render<UsageRefusal>(parameters => parameters
            .Add(p => p.What, "The queue").Add(p => p.Usages, ["Scenario 'Main', Action 2 (Send to queue)", "Number +14155550123"]));

        Assert.Equal("alert", refusal.Find("[data-testid=in-use]").GetAttribute("role"));
        Assert.Contains("The queue is still in use and was not deleted.", refusal.Markup, StringComparison.Ordinal);
        Assert.Equal(["Scenario 'Main', Action 2 (Send to queue)", "Number +14155550123"], refusal.FindAll("li").Select(usage => usage.TextContent));
    }

    [Fact]
    public void Shows_nothing_when_nothing_was_refused()
    {
        var refusal = Render<UsageRefusal>(parameters => parameters.Add(p => p.What, "The queue").Add(p => p.Usages, []));

        Assert.Empty(refusal.Markup.Trim());
    }
}
