using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Browser.Tests.Workspace.CallerScenarios;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>The desk's recent calls list a call as soon as it ends, while the agent is still in wrap-up.</summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class RecentCallsTests(SwitchboardSite site)
{
    private readonly WorkspaceSetup _setup = new(site);

    [Fact]
    public async Task A_call_the_agent_hangs_up_is_in_recent_calls_during_its_wrap_up()
    {
        // A wrap-up far longer than the test: the list cannot have been read again when it ended.
        var line = await _setup.QueueLineAsync("Rhea Recent", "Recent", wrapUpSeconds: 600);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, line.Username, line.AgentId);
        await Expect(agent.Page.GetByTestId("recent-call")).ToHaveCountAsync(0);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();
        await using var sipp = await _setup.CallAsync(line.Number, caller, sippDirectory);
        await agent.AcceptAsync();

        await agent.ClickInCallAsync("Hang up");

        await Expect(agent.LiveState).ToHaveTextAsync("Wrap-up");
        var recent = agent.Page.GetByTestId("recent-call");
        await Expect(recent).ToHaveCountAsync(1);
        await Expect(recent.GetByTestId("recent-caller")).ToHaveTextAsync(CallerNumber);
        await Expect(recent.GetByTestId("recent-queue")).ToHaveTextAsync(line.QueueName);
        var run = await sipp.WaitAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
