using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Testing.Peers;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Browser.Tests.Workspace.CallerScenarios;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// The desk on the screens agents have: a 1366×768 laptop shows the call and Client info beside it without
/// scrolling; a 375 px wide phone stacks the panels and keeps Accept and Refuse on screen and usable. On both, axe
/// finds no serious accessibility violation, on a call and while an offer rings.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class DeskLayoutTests(SwitchboardSite site)
{
    private readonly WorkspaceSetup _setup = new(site);

    [Fact]
    public async Task On_a_1366_by_768_laptop_Client_info_is_beside_the_call_without_scrolling()
    {
        var line = await _setup.QueueLineAsync("Lara Laptop", "Laptop", wrapUpSeconds: 1);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        await browser.Page.SetViewportSizeAsync(1366, 768);
        var agent = await _setup.ReadyWorkspaceAsync(browser, line.Username, line.AgentId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();
        await using var sipp = await _setup.CallAsync(line.Number, caller, sippDirectory);
        await agent.AcceptAsync();

        var clientInfo = agent.Page.Locator("#client-info");
        await Expect(clientInfo.GetByTestId("client-caller")).ToHaveTextAsync(CallerNumber);
        var call = await agent.Call.BoundingBoxAsync();
        var tab = await clientInfo.BoundingBoxAsync();
        Assert.NotNull(call);
        Assert.NotNull(tab);
        AssertWithin(tab, 1366, 768, "Client info");
        AssertWithin(call, 1366, 768, "the call");
        // Beside, not below: they share the height of the screen.
        Assert.True(tab.Y < call.Y + call.Height && tab.X >= call.X + call.Width, $"Client info at {tab.X},{tab.Y} is not beside the call at {call.X},{call.Y} ({call.Width}×{call.Height}).");
        await Accessibility.AssertNoSeriousViolationsAsync(agent.Page);
        // The README's picture of the desk (SWITCHBOARD_SCREENSHOTS=docs/images refreshes it).
        await Screenshots.SaveAsync(agent.Page, "agent-desktop.png");
        await agent.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task On_a_375_pixel_wide_screen_Accept_and_Refuse_are_on_screen_and_Accept_takes_the_call()
    {
        var line = await _setup.QueueLineAsync("Pia Phone", "Narrow", wrapUpSeconds: 1, ringTimeoutSeconds: 120);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        await browser.Page.SetViewportSizeAsync(375, 740);
        var agent = await _setup.ReadyWorkspaceAsync(browser, line.Username, line.AgentId);
        using var sippDirectory = new TemporaryDirectory();
        await using var caller = new RtpEcho();
        await using var sipp = await _setup.CallAsync(line.Number, caller, sippDirectory);

        await Expect(agent.Offer.GetByTestId("offer-caller")).ToHaveTextAsync(CallerNumber);
        foreach (var name in new[] { "Accept", "Refuse" })
        {
            var button = agent.Offer.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
            await button.ScrollIntoViewIfNeededAsync();
            var box = await button.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"{name} is cut off: {box.X}..{box.X + box.Width} of 375 px.");
            // Nothing covers it: a click would land on it.
            await button.ClickAsync(new() { Trial = true });
        }

        await Accessibility.AssertNoSeriousViolationsAsync(agent.Page);

        var page = agent.Page;
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"The page is {width} px wide, wider than the screen.");
        await agent.AcceptAsync();
        await agent.ClickInCallAsync("Hang up");
        var run = await sipp.WaitAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static void AssertWithin(LocatorBoundingBoxResult box, int width, int height, string what) =>
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width && box.Y + box.Height <= height,
            $"{what} is at {box.X},{box.Y} ({box.Width}×{box.Height}), not all within {width}×{height}.");
}
