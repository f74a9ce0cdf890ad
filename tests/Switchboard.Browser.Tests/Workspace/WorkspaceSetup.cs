using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.AcdHosting;
using Switchboard.Telephony;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>Agents and queues for the workspace tests, made through the admin services, and the agents' live state.</summary>
public sealed class WorkspaceSetup(SwitchboardSite site)
{
    public const string AgentPassword = "Browser-test-agent-2";

    private const string LoopbackTrunk = "Loopback carrier";

    // Bounds every wait for the server's live state, so that a broken page fails the test instead of hanging it.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>A new agent (webphone on) and its username.</summary>
    public async Task<(Guid Id, string Username)> CreateAgentAsync(string displayName)
    {
        var username = $"agent-{Guid.NewGuid():N}"[..14];
        var id = await AdminAsync<UserAdmin, UserView>(users => users.CreateAsync(new UserInput(username, displayName, Role.Agent, AgentPassword), CancellationToken.None));
        return (id.Id, username);
    }

    public Task<Guid> CreateQueueAsync(string name, int wrapUpSeconds, params Guid[] members) =>
        CreateQueueAsync(name, wrapUpSeconds, new QueueInput(name).RingTimeoutSeconds, members);

    public async Task<Guid> CreateQueueAsync(string name, int wrapUpSeconds, int ringTimeoutSeconds, params Guid[] members) =>
        (await AdminAsync<QueueAdmin, QueueView>(queues => queues.CreateAsync(
            new QueueInput(name, RingTimeoutSeconds: ringTimeoutSeconds, WrapUpSeconds: wrapUpSeconds,
                Members: [.. members.Select((member, index) => new QueueMember(member, 1, index))]),
            CancellationToken.None))).Id;

    /// <summary>
    /// What most desk tests start from: a new agent alone in a new queue (named from <paramref name="queuePrefix"/>)
    /// and a number whose scenario sends its calls there.
    /// </summary>
    public async Task<QueueLine> QueueLineAsync(string agentName, string queuePrefix, int wrapUpSeconds, int? ringTimeoutSeconds = null)
    {
        var (agentId, username) = await CreateAgentAsync(agentName);
        var queueName = $"{queuePrefix} {Guid.NewGuid():N}"[..14];
        var queueId = ringTimeoutSeconds is { } ring
            ? await CreateQueueAsync(queueName, wrapUpSeconds, ring, agentId)
            : await CreateQueueAsync(queueName, wrapUpSeconds, agentId);
        var number = NewNumber();
        await AddQueueNumberAsync(number, queueId);
        return new QueueLine(agentId, username, queueName, number);
    }

    /// <summary>A fresh E.164 number for a test's scenario.</summary>
    public static string NewNumber() => $"+1202{Random.Shared.Next(2_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A number whose scenario sends its calls to the queue; calls from 127.0.0.1 are let in through a trunk.</summary>
    public async Task AddQueueNumberAsync(string number, Guid queueId)
    {
        using (var scope = site.Server.Services.CreateScope())
        {
            var trunks = scope.ServiceProvider.GetRequiredService<TrunkAdmin>();
            if (!(await trunks.ListAsync(CancellationToken.None)).Any(trunk => trunk.Name == LoopbackTrunk))
                await AdminAsync<TrunkAdmin, TrunkView>(admin => admin.CreateAsync(new TrunkInput(LoopbackTrunk, ["127.0.0.1/32"]), CancellationToken.None));
        }

        var scenario = await AdminAsync<ScenarioAdmin, ScenarioView>(scenarios =>
            scenarios.CreateAsync(new ScenarioInput($"Queue {number}", [new QueueAction(queueId), new HangupAction()]), CancellationToken.None));
        await AdminAsync<NumberAdmin, NumberView>(numbers => numbers.CreateAsync(new NumberInput(number, null, scenario.Id), CancellationToken.None));
    }

    /// <summary>Where sipp sends its INVITEs.</summary>
    public IPEndPoint SipEndPoint => site.Server.Services.GetRequiredService<BackToBackUserAgent>().Endpoint.UdpEndPoint!;

    /// <summary>sipp calls <paramref name="number"/> with <paramref name="media"/> as its media, and stays until the switchboard hangs up.</summary>
    public Task<RunningSipp> CallAsync(string number, RtpEcho media, TemporaryDirectory directory) =>
        Sipp.StartAsync(SipEndPoint, CallerScenarios.UntilServerHangsUp(number, media.Port), "u1", FreePort.Find(), directory);

    /// <summary>Logs the agent in on the browser's page, opens the workspace and sets Ready, as the agent would.</summary>
    public Task<AgentWorkspace> ReadyWorkspaceAsync(BrowserSession browser, string username, Guid agentId) =>
        ReadyWorkspaceAsync(browser, username, AgentPassword, agentId);

    public async Task<AgentWorkspace> ReadyWorkspaceAsync(BrowserSession browser, string username, string password, Guid agentId)
    {
        var page = browser.Page;
        await page.LogInAsync(username, password);
        await page.GotoAsync("/workspace");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await AgentWorkspace.ChooseStatusAsync(page, "Ready");
        await AgentBecomesAsync(agentId, agent => agent.Status == AgentStatus.Ready && agent.Reachable);
        return new AgentWorkspace(page);
    }

    /// <summary>Waits until the ACD offers a call to one of <paramref name="agentIds"/>, and returns who.</summary>
    public async Task<Guid> OfferedAgentAsync(params Guid[] agentIds)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!guard.IsCancellationRequested)
        {
            foreach (var agentId in agentIds)
            {
                using var scope = site.Server.Services.CreateScope();
                var agent = await scope.ServiceProvider.GetRequiredService<AgentBoard>().FindAsync(agentId, CancellationToken.None);
                if (agent?.Activity == AgentActivity.Offered)
                    return agentId;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Fail("No agent was ever offered the call.");
        return Guid.Empty;
    }

    /// <summary>Waits until the ACD sees the agent as <paramref name="wanted"/> says, and returns that state.</summary>
    public async Task<AgentView> AgentBecomesAsync(Guid agentId, Func<AgentView, bool> wanted)
    {
        using var guard = new CancellationTokenSource(Guard);
        AgentView? last = null;
        while (!guard.IsCancellationRequested)
        {
            using var scope = site.Server.Services.CreateScope();
            last = await scope.ServiceProvider.GetRequiredService<AgentBoard>().FindAsync(agentId, CancellationToken.None);
            if (last is not null && wanted(last))
                return last;
            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Fail($"The agent never got there; last seen as {last}.");
        return last!;
    }

    private async Task<TView> AdminAsync<TAdmin, TView>(Func<TAdmin, Task<AdminResult<TView>>> change)
        where TAdmin : notnull
    {
        using var scope = site.Server.Services.CreateScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<TAdmin>());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => $"{error.Key}: {string.Join(' ', error.Value)}")));
        return result.Value!;
    }
}
