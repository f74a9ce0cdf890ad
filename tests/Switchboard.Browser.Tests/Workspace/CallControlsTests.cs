using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Browser.Tests.Workspace.CallerScenarios;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// The controls of a call taken on the webphone: hold and resume, the keypad, blind transfer. The caller is sipp
/// with an <see cref="RtpEcho"/> as its media, which tells music from the agent's (muted or quiet) audio and hears digits.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class CallControlsTests(SwitchboardSite site)
{
    // A second of audio (20 ms frames): enough for a listener to be sure.
    private const int Frames = 50;
    // What the page may still count once its count settled after the bridge came down: a straggler or two.
    private const int InFlight = 20;

    private readonly WorkspaceSetup _setup = new(site);

    [Fact]
    public async Task On_hold_the_caller_hears_music_and_after_Resume_agent_and_caller_hear_each_other_again()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Olga Holds");
        var queueId = await _setup.CreateQueueAsync($"Hold {Guid.NewGuid():N}"[..14], wrapUpSeconds: 1, agentId);
        var number = WorkspaceSetup.NewNumber();
        await _setup.AddQueueNumberAsync(number, queueId);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, username, agentId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();
        await using var sipp = await _setup.CallAsync(number, caller, sippDirectory);
        await agent.AcceptAsync();
        // Muted, the webphone sends only silent frames: whatever sounds the caller hears from then on is the switchboard's.
        await agent.ClickInCallAsync("Mute");
        await Expect(agent.Call.GetByRole(AriaRole.Button, new() { Name = "Unmute" })).ToHaveAttributeAsync("aria-pressed", "true");
        var silentWhenMuted = caller.Silent;
        await caller.WaitUntilAsync(heard => heard.Silent >= silentWhenMuted + Frames, "heard the muted agent");

        var soundingBeforeHold = caller.Sounding;
        await agent.ClickInCallAsync("Hold");
        await Expect(agent.Call.GetByTestId("call-held")).ToBeVisibleAsync();
        var pageHeardBeforeHold = await agent.PacketsReceivedOnceSettledAsync();
        await caller.WaitUntilAsync(heard => heard.Sounding >= soundingBeforeHold + 2 * Frames, "heard music on hold");
        var pageHeardOnHold = await agent.PacketsReceivedAsync() - pageHeardBeforeHold;
        await agent.ClickInCallAsync("Resume");
        await Expect(agent.Call.GetByTestId("call-held")).ToBeHiddenAsync();
        var (silentAtResume, pageHeardAtResume) = (caller.Silent, await agent.PacketsReceivedAsync());
        await caller.WaitUntilAsync(heard => heard.Silent >= silentAtResume + Frames, "heard the agent again after Resume");
        await agent.WaitForPacketsReceivedAsync(pageHeardAtResume + Frames);
        await agent.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();

        // Two seconds of music went to the caller on hold; the agent heard nothing of the caller meanwhile.
        Assert.InRange(pageHeardOnHold, 0, InFlight);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("BYE sip:", run.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_pressed_on_the_keypad_reach_the_caller_as_telephone_events()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Pia Keypad");
        var queueId = await _setup.CreateQueueAsync($"Keypad {Guid.NewGuid():N}"[..14], wrapUpSeconds: 1, agentId);
        var number = WorkspaceSetup.NewNumber();
        await _setup.AddQueueNumberAsync(number, queueId);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, username, agentId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();
        await using var sipp = await _setup.CallAsync(number, caller, sippDirectory);
        await agent.AcceptAsync();

        var keypad = await agent.OpenKeypadAsync();
        foreach (var key in new[] { "1", "2", "#" })
            await keypad.GetByRole(AriaRole.Button, new() { Name = $"Key {key}", Exact = true }).ClickAsync();
        await caller.WaitUntilAsync(heard => heard.Digits.Length >= 3, "received three digits");
        await agent.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();

        Assert.Equal("12#", caller.Digits);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Blind_transfer_to_another_agent_rings_their_page_and_they_talk_with_the_caller()
    {
        var (firstId, firstUsername) = await _setup.CreateAgentAsync("Quinn Transfers");
        var (secondId, secondUsername) = await _setup.CreateAgentAsync("Nora Target");
        // Only the first agent is in the queue, so the call can reach the second only by the transfer.
        var queueId = await _setup.CreateQueueAsync($"Transfer {Guid.NewGuid():N}"[..14], wrapUpSeconds: 3, firstId);
        var number = WorkspaceSetup.NewNumber();
        await _setup.AddQueueNumberAsync(number, queueId);
        await using var firstBrowser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        await using var secondBrowser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var first = await _setup.ReadyWorkspaceAsync(firstBrowser, firstUsername, firstId);
        var second = await _setup.ReadyWorkspaceAsync(secondBrowser, secondUsername, secondId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();
        await using var sipp = await _setup.CallAsync(number, caller, sippDirectory);
        await first.AcceptAsync();

        var transfer = await first.OpenTransferAsync();
        await transfer.GetByLabel("To a user").ClickAsync();
        await first.Page.GetByRole(AriaRole.Option, new() { Name = "Nora Target (Ready)" }).ClickAsync();
        await transfer.GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();

        await Expect(first.Call).ToBeHiddenAsync();
        await Expect(first.Notice).ToHaveTextAsync("Call ended: Transferred");
        await Expect(first.LiveState).ToHaveTextAsync("Wrap-up");
        await Expect(second.Offer.GetByTestId("offer-caller")).ToHaveTextAsync(CallerNumber);
        await second.AcceptAsync();
        // The second agent's quiet microphone reaches the caller as silent frames, where music was before.
        var silentAtAnswer = caller.Silent;
        await caller.WaitUntilAsync(heard => heard.Silent >= silentAtAnswer + Frames, "heard the second agent");
        await second.WaitForPacketsReceivedAsync(Frames);
        await second.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("BYE sip:", run.Messages, StringComparison.Ordinal);
        await Expect(first.LiveState).ToHaveTextAsync("Idle");
    }
}
