using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Admin.Users;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Browser.Tests.Workspace.CallerScenarios;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// The desk across a crash of the server: the server is a process of its own (<see cref="ServerProcess"/>), killed
/// with kill -9 under a call the desk shows and started again on the same data and ports. The page is left alone: it
/// must come back by itself (start.js loads it again when the restarted server rejects its circuit) and tell the truth.
/// </summary>
public sealed class ServerRestartTests : IDisposable
{
    private const string Password = "Restart-test-agent-3";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(4));
    private readonly TemporaryDirectory _data = new();
    private readonly ServerPorts _ports = ServerPorts.Find();

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task A_call_lost_to_a_kill_9_is_told_as_ended_with_why_leaves_Client_info_and_is_in_recent_calls_once_the_page_comes_back_by_itself()
    {
        // Run alone this test sets the wait the site sets for all the others: the same value, so whichever runs first no matter.
        SetDefaultExpectTimeout(SwitchboardSite.ExpectTimeout);
        using var playwright = await Playwright.CreateAsync();
        using var sippDirectory = new TemporaryDirectory();
        await using var media = new RtpEcho();
        var server = await StartAsync();
        try
        {
            var (username, number) = await ConfigureQueueLineAsync(server);
            await using var browser = await BrowserSession.OpenAsync(playwright, new Uri($"http://127.0.0.1:{_ports.Http}/"), BrowserSession.WebphoneArguments);
            var agent = await ReadyWorkspaceAsync(browser.Page, username);
            await using var caller = await Sipp.StartAsync(server.SipEndPoint, UntilServerHangsUp(number, media.Port), "u1", FreePort.Find(), sippDirectory);
            await agent.AcceptAsync();
            var clientInfo = agent.Page.Locator("#client-info");
            await Expect(clientInfo.GetByTestId("client-caller")).ToHaveTextAsync(CallerNumber);

            // The agent's part is stored by the record writer in its next batch: the kill comes once it is there.
            await UntilPartReadsAsync("inProgress", server.Output);
            server.KillAbruptly();
            await server.WaitForExitAsync(Ct);
            await server.DisposeAsync();
            server = await StartAsync();

            // A server started afresh and a page reloaded take longer than one circuit: waiting longer is not asserting on time.
            await Expect(agent.Notice).ToHaveTextAsync(
                $"Your call with {CallerNumber} ended while this page was away: the switchboard stopped without ending it.", new() { Timeout = 60_000 });
            await Expect(agent.Call).ToBeHiddenAsync();
            await Expect(clientInfo.GetByTestId("client-caller")).ToHaveCountAsync(0);
            var recent = agent.Page.GetByTestId("recent-call");
            await Expect(recent).ToHaveCountAsync(1);
            await Expect(recent.GetByTestId("recent-caller")).ToHaveTextAsync(CallerNumber);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private async Task UntilPartReadsAsync(string ending, string output)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(PeerWait.Guard);
        var last = await ServerProcess.CallPartEndingsAsync(_data.Path, Ct);
        while (last is not [var only] || only != ending)
        {
            Assert.False(guard.IsCancellationRequested, $"The agent's part never read {ending}; last read: {string.Join(", ", last)}.\n{output}");
            await Task.Delay(100, CancellationToken.None);
            last = await ServerProcess.CallPartEndingsAsync(_data.Path, Ct);
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        _timeout.Dispose();
    }

    // Development, as the in-process site runs: the server serves its static files from where the build left them.
    private Task<ServerProcess> StartAsync() => ServerProcess.StartAsync(_data.Path, _ports, Ct, "--environment=Development");

    /// <summary>Through the API, as an admin: an agent (webphone on) alone in a queue, and a number that sends calls there.</summary>
    private async Task<(string Username, string Number)> ConfigureQueueLineAsync(ServerProcess server)
    {
        using var admin = server.Client();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await server.LoginAsync("admin", ServerProcess.AdminPassword, Ct));
        var username = $"agent-{Guid.NewGuid():N}"[..14];
        var user = await CreateAsync<UserView>(admin, "/api/v1/users", new UserInput(username, "Rita Restart", Role.Agent, Password));
        await CreateAsync<TrunkView>(admin, "/api/v1/trunks", new TrunkInput("Carrier", ["127.0.0.1/32"]));
        var queue = await CreateAsync<QueueView>(admin, "/api/v1/queues", new QueueInput("Restart", WrapUpSeconds: 1, Members: [new QueueMember(user.Id, 1, 0)]));
        var scenario = await CreateAsync<ScenarioView>(admin, "/api/v1/scenarios", new ScenarioInput("Queue", [new QueueAction(queue.Id), new HangupAction()]));
        var number = WorkspaceSetup.NewNumber();
        await CreateAsync<NumberView>(admin, "/api/v1/numbers", new NumberInput(number, null, scenario.Id));
        return (username, number);
    }

    private async Task<T> CreateAsync<T>(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body, Json, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(Json, Ct))!;
    }

    /// <summary>Logs the agent in, opens the desk and sets Ready; the call rings once the desk offers it, so no wait for the ACD here.</summary>
    private static async Task<AgentWorkspace> ReadyWorkspaceAsync(IPage page, string username)
    {
        await page.LogInAsync(username, Password);
        await page.GotoAsync("/workspace");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await AgentWorkspace.ChooseStatusAsync(page, "Ready");
        await Expect(AgentWorkspace.StatusButton(page, "Ready")).ToHaveAttributeAsync("aria-pressed", "true");
        return new AgentWorkspace(page);
    }
}
