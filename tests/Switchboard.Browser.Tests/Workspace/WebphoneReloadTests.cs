using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Browser.Tests.Workspace.CallerScenarios;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// An agent who reloads the workspace page does not lose the call: a connected webphone call comes back with its
/// panel and its audio (a new peer connection takes over the call's media), and a ringing call rings the page again.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class WebphoneReloadTests(SwitchboardSite site)
{
    // A second of audio (20 ms frames): enough for a listener to be sure.
    private const int Frames = 50;

    private readonly WorkspaceSetup _setup = new(site);

    [Fact]
    public async Task After_a_reload_during_a_webphone_call_the_call_is_back_and_agent_and_caller_hear_each_other_again()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Rita Reloads");
        var queueId = await _setup.CreateQueueAsync($"Reload {Guid.NewGuid():N}"[..14], wrapUpSeconds: 1, agentId);
        var number = WorkspaceSetup.NewNumber();
        await _setup.AddQueueNumberAsync(number, queueId);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, username, agentId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();
        await using var sipp = await _setup.CallAsync(number, caller, sippDirectory);
        await agent.AcceptAsync();

        await agent.Page.ReloadAsync();
        var heardAtReload = caller.Received;

        await Expect(agent.Call).ToBeVisibleAsync();
        await Expect(agent.Call.GetByTestId("call-caller")).ToHaveTextAsync(CallerNumber);
        await Expect(agent.LiveState).ToHaveTextAsync("On call");
        // The new page's peer connection counts from zero: what it receives is the caller echoing its own audio.
        await agent.WaitForPacketsReceivedAsync(Frames);
        await caller.WaitUntilAsync(heard => heard.Received >= heardAtReload + Frames, "heard the page again after the reload");
        await agent.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("BYE sip:", run.Messages, StringComparison.Ordinal);
        await Expect(agent.Call).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_reload_while_the_page_rings_shows_the_offer_again_and_Accept_still_takes_the_call()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Sami Reloads");
        // Rings far longer than the test: the offer after the reload cannot be a new one after a timeout.
        var queueId = await _setup.CreateQueueAsync($"Ringing {Guid.NewGuid():N}"[..14], wrapUpSeconds: 1, ringTimeoutSeconds: 120, agentId);
        var number = WorkspaceSetup.NewNumber();
        await _setup.AddQueueNumberAsync(number, queueId);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, username, agentId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();
        await using var sipp = await _setup.CallAsync(number, caller, sippDirectory);
        await Expect(agent.Offer.GetByTestId("offer-caller")).ToHaveTextAsync(CallerNumber);

        await agent.Page.ReloadAsync();

        await Expect(agent.Offer).ToBeVisibleAsync();
        await Expect(agent.Offer.GetByTestId("offer-caller")).ToHaveTextAsync(CallerNumber);
        await agent.AcceptAsync();
        await agent.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("BYE sip:", run.Messages, StringComparison.Ordinal);
        Assert.True(caller.Received > 0, "The caller heard nothing of the agent.");
    }
}
