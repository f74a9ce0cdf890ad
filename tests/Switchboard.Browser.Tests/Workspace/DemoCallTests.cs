using Microsoft.Extensions.DependencyInjection;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Acd;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Hosting;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Browser.Tests.Workspace.CallerScenarios;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// Issue 5's acceptance on the demo switchboard exactly as the README starts it: the demo agent logs in with the
/// README's password, sets Ready, and takes a call sipp makes to the demo number through the demo's local trunk.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class DemoCallTests(DemoSite demo) : IClassFixture<DemoSite>
{
    private readonly WorkspaceSetup _setup = new(demo);

    [Fact]
    public async Task The_demo_agent_takes_a_call_to_the_demo_number_in_the_browser_and_is_Ready_after_wrap_up()
    {
        var (username, _, password) = DemoSwitchboard.Agents[0];
        var agentId = await DemoUserIdAsync(username);
        await using var browser = await demo.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, username, password, agentId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();

        await using var sipp = await _setup.CallAsync(DemoSwitchboard.MainNumber, caller, sippDirectory);
        await Expect(agent.Offer.GetByTestId("offer-caller")).ToHaveTextAsync(CallerNumber);
        await Expect(agent.Offer.GetByTestId("offer-queue")).ToHaveTextAsync(DemoSwitchboard.QueueName);
        await agent.AcceptAsync();
        await Expect(agent.Call.GetByTestId("call-caller")).ToHaveTextAsync(CallerNumber);
        // The page hears the caller's echo of its own microphone: audio went both ways.
        await agent.WaitForPacketsReceivedAsync(50);
        await agent.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("BYE sip:", run.Messages, StringComparison.Ordinal);
        await Expect(agent.LiveState).ToHaveTextAsync("Idle");
        await _setup.AgentBecomesAsync(agentId, state => state.Status == AgentStatus.Ready && state.Activity == AgentActivity.Idle);
    }

    private async Task<Guid> DemoUserIdAsync(string username)
    {
        using var scope = demo.Server.Services.CreateScope();
        var users = await scope.ServiceProvider.GetRequiredService<UserAdmin>().ListAsync(CancellationToken.None);
        return users.Single(user => user.Username == username).Id;
    }
}
