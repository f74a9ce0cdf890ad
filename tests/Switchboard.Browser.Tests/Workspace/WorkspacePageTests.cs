using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Acd;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Workspace;

[Collection(SwitchboardSiteCollection.Name)]
public sealed partial class WorkspacePageTests(SwitchboardSite site)
{
    private readonly WorkspaceSetup _setup = new(site);

    [Fact]
    public async Task Agent_sets_Ready_and_sees_how_long_they_have_been_in_it()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Dana Ready");
        await using var browser = await site.OpenBrowserAsync();
        var page = await OpenWorkspaceAsync(browser, username);

        await AgentWorkspace.ChooseStatusAsync(page, "Ready");

        await _setup.AgentBecomesAsync(agentId, agent => agent.Status == AgentStatus.Ready && agent.Reachable);
        await Expect(AgentWorkspace.StatusButton(page, "Ready")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByTestId("live-state")).ToHaveTextAsync("Idle");
        await Expect(page.GetByTestId("time-in-status")).ToHaveTextAsync(OneSecondOrMore());
    }

    [Fact]
    public async Task Agent_sees_their_queues_with_the_calls_waiting_in_them_as_calls_arrive()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Evan Queues");
        var queueId = await _setup.CreateQueueAsync($"Sales {Guid.NewGuid():N}"[..12], wrapUpSeconds: 1, agentId);
        await using var browser = await site.OpenBrowserAsync();
        var page = await OpenWorkspaceAsync(browser, username);
        await Expect(page.GetByTestId("queue-waiting")).ToHaveTextAsync("0");

        using var callerHangsUp = new CancellationTokenSource();
        var waiting = WaitInQueueAsync(queueId, callerHangsUp.Token);

        await Expect(page.GetByTestId("queue-waiting")).ToHaveTextAsync("1");
        await callerHangsUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await Expect(page.GetByTestId("queue-waiting")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task Page_reconnects_by_itself_after_its_connection_drops_and_the_agent_stays_reachable()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Fay Reconnect");
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        // The test stands between the page and its circuit, so it can cut the connection as a network blip would.
        await page.RouteWebSocketAsync(CircuitSocket(), route =>
        {
            var server = route.ConnectToServer();
            lock (sockets)
                sockets.Add((route, server));
        });
        // Only over the WebSocket: the circuit may not fall back to server-sent events or long polling past the test.
        await page.RouteAsync(CircuitSocket(), route => route.AbortAsync());
        await OpenWorkspaceAsync(browser, username);
        await AgentWorkspace.ChooseStatusAsync(page, "Back soon");
        await _setup.AgentBecomesAsync(agentId, agent => agent.Status == AgentStatus.BackSoon && agent.Reachable);

        (IWebSocketRoute Page, IWebSocketRoute Server) first;
        lock (sockets)
            first = sockets[0];
        // Both ends see the connection go, as they would if the network failed.
        await first.Server.CloseAsync();
        await first.Page.CloseAsync(new() { Code = 1006 });

        // The page connects again by itself (a wait, bounded so that a page that never does fails the test).
        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (!guard.IsCancellationRequested && SocketsOpened() < 2)
                await Task.Delay(50, CancellationToken.None);
        }

        Assert.True(SocketsOpened() >= 2, "The page never opened a second connection.");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "reconnecting" })).ToBeHiddenAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await _setup.AgentBecomesAsync(agentId, agent => agent.Reachable);
        await Expect(AgentWorkspace.StatusButton(page, "Back soon")).ToHaveAttributeAsync("aria-pressed", "true");
        // The circuit is back: what the agent does reaches the switchboard again.
        await AgentWorkspace.ChooseStatusAsync(page, "Ready");
        await _setup.AgentBecomesAsync(agentId, agent => agent.Status == AgentStatus.Ready && agent.Reachable);

        int SocketsOpened()
        {
            lock (sockets)
                return sockets.Count;
        }
    }

    [Fact]
    public async Task Agent_whose_page_is_closed_is_not_offered_calls()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Gus Gone");
        var queueId = await _setup.CreateQueueAsync($"Gone {Guid.NewGuid():N}"[..12], wrapUpSeconds: 1, agentId);
        var browser = await site.OpenBrowserAsync();
        var page = await OpenWorkspaceAsync(browser, username);
        await AgentWorkspace.ChooseStatusAsync(page, "Ready");
        await _setup.AgentBecomesAsync(agentId, agent => agent.Status == AgentStatus.Ready && agent.Reachable);

        await browser.DisposeAsync();
        await _setup.AgentBecomesAsync(agentId, agent => !agent.Reachable);
        using var callerHangsUp = new CancellationTokenSource();
        var callId = Guid.CreateVersion7();
        var waiting = WaitInQueueAsync(queueId, callerHangsUp.Token, callId);

        // The ACD decides on the call as it enters; a snapshot taken after that shows the decision.
        var snapshot = await Acd.GetSnapshotAsync(CancellationToken.None);
        await callerHangsUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        var call = snapshot.WaitingCall(callId);
        Assert.NotNull(call);
        Assert.Empty(call.OfferedTo);
        Assert.Equal(AgentStatus.Ready, snapshot.Agent(agentId)!.Status);
    }

    private AcdDispatcher Acd => site.Server.Services.GetRequiredService<AcdDispatcher>();

    private async Task<IPage> OpenWorkspaceAsync(BrowserSession browser, string username)
    {
        var page = browser.Page;
        await page.LogInAsync(username, WorkspaceSetup.AgentPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Workspace" }).ClickAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        return page;
    }

    /// <summary>A call without SIP waits in the queue until the caller hangs up; the ACD hears both as telephony would tell it.</summary>
    private async Task WaitInQueueAsync(Guid queueId, CancellationToken callerHangup, Guid? callId = null)
    {
        var id = callId ?? Guid.CreateVersion7();
        Acd.Post(new CallArrived(id, queueId));
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, callerHangup);
        }
        finally
        {
            Acd.Post(new CallEnded(id));
        }
    }

    [GeneratedRegex(@"/_blazor\?id=")]
    private static partial Regex CircuitSocket();

    [GeneratedRegex(@"^(0:0[1-9]|0:[1-5]\d|\d+:\d\d)$")]
    private static partial Regex OneSecondOrMore();
}
