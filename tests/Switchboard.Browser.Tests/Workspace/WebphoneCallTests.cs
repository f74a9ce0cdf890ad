using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Acd;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Browser.Tests.Workspace.CallerScenarios;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// Issue 5's acceptance: sipp calls a number whose scenario queues to the agents' queue, the agent's browser (with a
/// fake microphone) rings, accepts or refuses over WebRTC, talks, and hangs up.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class WebphoneCallTests(SwitchboardSite site)
{
    private readonly WorkspaceSetup _setup = new(site);

    [Fact]
    public async Task Agent_accepts_in_the_browser_talks_both_ways_hangs_up_and_is_Ready_after_wrap_up()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Hana Webphone");
        var queueId = await _setup.CreateQueueAsync($"Webphone {Guid.NewGuid():N}"[..14], wrapUpSeconds: 2, agentId);
        var number = WorkspaceSetup.NewNumber();
        await _setup.AddQueueNumberAsync(number, queueId);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, username, agentId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();

        await using var sipp = await _setup.CallAsync(number, caller, sippDirectory);
        await Expect(agent.Offer.GetByTestId("offer-caller")).ToHaveTextAsync(CallerNumber);
        await Expect(agent.Offer.GetByTestId("offer-queue")).ToContainTextAsync("Webphone");
        await agent.AcceptAsync();
        await agent.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("BYE sip:", run.Messages, StringComparison.Ordinal);
        Assert.True(caller.Received > 0, "The caller heard nothing of the agent.");
        await Expect(agent.LiveState).ToHaveTextAsync("Wrap-up");
        await Expect(agent.LiveState).ToHaveTextAsync("Idle");
        await _setup.AgentBecomesAsync(agentId, state => state.Status == AgentStatus.Ready && state.Activity == AgentActivity.Idle);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_the_page_rings_removes_the_offer()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Ivo Abandoned");
        var queueId = await _setup.CreateQueueAsync($"Abandon {Guid.NewGuid():N}"[..14], wrapUpSeconds: 1, agentId);
        var number = WorkspaceSetup.NewNumber();
        await _setup.AddQueueNumberAsync(number, queueId);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, username, agentId);
        using var sippDirectory = new TemporaryDirectory();

        var run = await Sipp.RunAsync(_setup.SipEndPoint, HangsUpWhileRinging(number, ringMilliseconds: 3000), "u1", sippDirectory);

        Assert.True(run.ExitCode == 0, run.ToString());
        await Expect(agent.Notice).ToHaveTextAsync("Caller hung up");
        await Expect(agent.Offer).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Refused_offer_rings_the_other_agents_page_at_once_and_they_take_the_call()
    {
        var (firstId, firstUsername) = await _setup.CreateAgentAsync("Lena Refuses");
        var (secondId, secondUsername) = await _setup.CreateAgentAsync("Milo Takes");
        // Rings far longer than any wait here: the second page can only ring because of the refusal, not a timeout.
        var queueId = await _setup.CreateQueueAsync($"Refuse {Guid.NewGuid():N}"[..14], wrapUpSeconds: 1, ringTimeoutSeconds: 120, firstId, secondId);
        var number = WorkspaceSetup.NewNumber();
        await _setup.AddQueueNumberAsync(number, queueId);
        await using var firstBrowser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        await using var secondBrowser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var workspaces = new Dictionary<Guid, AgentWorkspace>
        {
            [firstId] = await _setup.ReadyWorkspaceAsync(firstBrowser, firstUsername, firstId),
            [secondId] = await _setup.ReadyWorkspaceAsync(secondBrowser, secondUsername, secondId),
        };
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();

        await using var sipp = await _setup.CallAsync(number, caller, sippDirectory);
        // Longest idle decides who rings first; either way the other is the one the refusal must reach.
        var offeredFirst = await _setup.OfferedAgentAsync(firstId, secondId);
        var refusing = workspaces[offeredFirst];
        var taking = workspaces[offeredFirst == firstId ? secondId : firstId];
        await Expect(refusing.Offer.GetByTestId("offer-caller")).ToHaveTextAsync(CallerNumber);
        await Expect(taking.Offer).ToBeHiddenAsync();
        await refusing.ClickInOfferAsync("Refuse");

        await Expect(taking.Offer.GetByTestId("offer-caller")).ToHaveTextAsync(CallerNumber);
        await Expect(refusing.Offer).ToBeHiddenAsync();
        await Expect(refusing.Notice).ToHaveTextAsync("Refused");
        await taking.AcceptAsync();
        await taking.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("BYE sip:", run.Messages, StringComparison.Ordinal);
    }
}
