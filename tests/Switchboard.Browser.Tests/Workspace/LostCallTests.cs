using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Browser.Tests.Workspace.CallerScenarios;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// The desk tells the truth when it comes back: a call it showed that ended while the page was away (a lost
/// connection, a restart of the server) is told as ended, with why, and is not shown as going on.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class LostCallTests(SwitchboardSite site)
{
    private readonly WorkspaceSetup _setup = new(site);

    [Fact]
    public async Task A_call_that_ended_while_the_desk_was_away_is_told_as_ended_with_why_when_the_desk_comes_back()
    {
        var line = await _setup.QueueLineAsync("Liam Leaves", "Lost", wrapUpSeconds: 1);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, line.Username, line.AgentId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();
        // The caller hangs up 12 s after the switchboard answers them: by then the agent has taken the call and left.
        var hangsUpLater = SippCallerScenarios.CallAndHangUp(line.Number[1..], caller.Port, 12_000, fromUser: CallerNumber);
        await using var sipp = await Sipp.StartAsync(_setup.SipEndPoint, hangsUpLater, "u1", FreePort.Find(), sippDirectory);
        await agent.AcceptAsync();
        await Expect(agent.Call.GetByTestId("call-caller")).ToHaveTextAsync(CallerNumber);

        await agent.Page.GotoAsync("about:blank");
        var run = await sipp.WaitAsync();
        await agent.Page.GotoAsync("/workspace");

        await Expect(agent.Page.GetByTestId("offer-ended")).ToHaveTextAsync(
            $"Your call with {CallerNumber} ended while this page was away: the caller hung up.");
        await Expect(agent.Call).ToBeHiddenAsync();
        await Expect(agent.Page.Locator("#client-info").GetByTestId("client-caller")).ToHaveCountAsync(0);
        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
