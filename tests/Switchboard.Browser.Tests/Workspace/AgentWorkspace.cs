using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>The workspace page as one agent with the webphone sees it: what the tests look at and click.</summary>
public sealed class AgentWorkspace(IPage page)
{
    private const string CallAudio = "[data-testid=call-audio]";

    // How often the page reads its peer connection's stats once audio flows (webphone.js).
    private static readonly TimeSpan StatsPeriod = TimeSpan.FromMilliseconds(250);

    public IPage Page => page;

    /// <summary>One of the status buttons (Ready, Back soon, Not available); the chosen one is pressed.</summary>
    public static ILocator StatusButton(IPage page, string status) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Status" }).GetByRole(AriaRole.Button, new() { Name = status, Exact = true });

    public static Task ChooseStatusAsync(IPage page, string status) => StatusButton(page, status).ClickAsync();

    /// <summary>Opens the call bar's keypad; its keys are in a pop-over.</summary>
    public async Task<ILocator> OpenKeypadAsync()
    {
        await ClickInCallAsync("Keypad");
        return page.GetByRole(AriaRole.Group, new() { Name = "Keypad" });
    }

    /// <summary>Opens the call bar's transfer form, in a pop-over.</summary>
    public async Task<ILocator> OpenTransferAsync()
    {
        await ClickInCallAsync("Transfer…");
        return page.GetByRole(AriaRole.Form, new() { Name = "Transfer" });
    }

    public ILocator Offer => page.GetByRole(AriaRole.Region, new() { Name = "Incoming call" });

    public ILocator Call => page.GetByRole(AriaRole.Region, new() { Name = "Current call" });

    /// <summary>Idle, Ringing, On call, Wrap-up.</summary>
    public ILocator LiveState => page.GetByTestId("live-state");

    /// <summary>Why the last offer or call ended.</summary>
    public ILocator Notice => page.GetByTestId("offer-ended");

    public Task ClickInOfferAsync(string button) =>
        Offer.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    public Task ClickInCallAsync(string button) =>
        Call.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>Accepts the ringing call and waits until the page hears the caller (who echoes the agent, so both ways).</summary>
    public async Task AcceptAsync()
    {
        await ClickInOfferAsync("Accept");
        await Expect(Call).ToBeVisibleAsync();
        var audio = Call.GetByTestId("call-audio");
        await Expect(audio).ToBeVisibleAsync();
        await Expect(audio).ToContainTextAsync("packets received");
    }

    /// <summary>The audio packets the page's <c>RTCPeerConnection.getStats()</c> last counted as received.</summary>
    public async Task<long> PacketsReceivedAsync() =>
        long.Parse(await Call.GetByTestId("call-audio").GetAttributeAsync("data-packets-received") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The page's received-packet count once it stops growing (two readings a stats period apart agree), so that packets
    /// already on their way and a stats reading that lags are counted before a quiet period is measured; after ten tries
    /// the last reading, still growing, is returned, and the quiet period will show it.
    /// </summary>
    public async Task<long> PacketsReceivedOnceSettledAsync()
    {
        var last = await PacketsReceivedAsync();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Task.Delay(StatsPeriod * 2);
            var now = await PacketsReceivedAsync();
            if (now == last)
                return now;
            last = now;
        }

        return last;
    }

    /// <summary>Waits until the page has counted at least <paramref name="packets"/> audio packets received.</summary>
    public Task WaitForPacketsReceivedAsync(long packets) =>
        page.WaitForFunctionAsync(
            $"packets => Number(document.querySelector('{CallAudio}')?.dataset.packetsReceived ?? 0) >= packets", packets);

    /// <summary>From the ACD's offer to the ringing panel, and from Accept to the first audio received, in milliseconds, for the last call.</summary>
    public async Task<(double OfferToPanel, double AcceptToAudio)> TimingsAsync()
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
                const mark = name => performance.getEntriesByName(name).at(-1);
                const shown = mark("workspace:offer-shown");
                return JSON.stringify({
                    offerToPanel: performance.timeOrigin + shown.startTime - Date.parse(shown.detail.offeredAt),
                    acceptToAudio: mark("workspace:audio-flowing").startTime - mark("workspace:accept-clicked").startTime,
                });
            }
            """);
        using var timings = JsonDocument.Parse(json);
        return (timings.RootElement.GetProperty("offerToPanel").GetDouble(), timings.RootElement.GetProperty("acceptToAudio").GetDouble());
    }
}
