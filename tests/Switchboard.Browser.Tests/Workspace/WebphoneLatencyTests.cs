using System.Globalization;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Domain.Acd;
using Switchboard.Testing.Peers;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Switchboard.Browser.Tests.Workspace.CallerScenarios;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// The figures of docs/performance.md: from the ACD's offer to the ringing panel, and from Accept to two-way audio,
/// over several calls to one agent, each printed, then their medians. It asserts that every call got there, not how fast.
/// </summary>
[Collection(SwitchboardSiteCollection.Name)]
public sealed class WebphoneLatencyTests(SwitchboardSite site, ITestOutputHelper output)
{
    private const int Calls = 5;

    private readonly WorkspaceSetup _setup = new(site);

    [Fact]
    public async Task Five_calls_ring_the_page_and_reach_two_way_audio_and_their_median_times_are_printed()
    {
        var (agentId, username) = await _setup.CreateAgentAsync("Rita Measured");
        var queueId = await _setup.CreateQueueAsync($"Latency {Guid.NewGuid():N}"[..14], wrapUpSeconds: 1, agentId);
        var number = WorkspaceSetup.NewNumber();
        await _setup.AddQueueNumberAsync(number, queueId);
        await using var browser = await site.OpenBrowserAsync(BrowserSession.WebphoneArguments);
        var agent = await _setup.ReadyWorkspaceAsync(browser, username, agentId);
        var offerToPanel = new List<double>();
        var acceptToAudio = new List<double>();

        for (var call = 1; call <= Calls; call++)
        {
            using var sippDirectory = new TemporaryDirectory();
            await using var caller = new RtpEcho();
            await using var sipp = await _setup.CallAsync(number, caller, sippDirectory);
            await Expect(agent.Offer.GetByTestId("offer-caller")).ToHaveTextAsync(CallerNumber);
            await agent.AcceptAsync();
            var (toPanel, toAudio) = await agent.TimingsAsync();
            offerToPanel.Add(toPanel);
            acceptToAudio.Add(toAudio);
            output.WriteLine(Invariant($"call {call}: offer->ringing panel {toPanel:F0} ms; accept->audio {toAudio:F0} ms"));
            await agent.ClickInCallAsync("Hang up");
            var run = await sipp.WaitAsync();
            Assert.True(run.ExitCode == 0, run.ToString());
            await Expect(agent.LiveState).ToHaveTextAsync("Idle");
            await _setup.AgentBecomesAsync(agentId, state => state.Status == AgentStatus.Ready && state.Activity == AgentActivity.Idle);
        }

        output.WriteLine(Invariant($"median of {Calls}: offer->ringing panel {Median(offerToPanel):F0} ms; accept->audio {Median(acceptToAudio):F0} ms"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
