using System.Text.RegularExpressions;
using Switchboard.Domain.Acd;
using Switchboard.Server.Tests.AcdHosting;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hosting;

/// <summary>The ACD's instruments at /metrics, as Prometheus scrapes them while a call waits (SQLite only: storage plays no part).</summary>
[Collection(MetricsScrapes.Name)]
public sealed class AcdMetricsTests() : AcdTest(StorageKind.Sqlite)
{
    [Fact]
    public async Task A_scrape_shows_a_waiting_call_its_ringing_agent_the_refused_offer_and_the_callers_hang_up()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var queueId = await CreateQueueAsync(admin, "Support", agentId);
        using var workspace = await ReadyAsync(agent, agentId);
        await ScrapeUntilAsync(admin, """switchboard_acd_agents\{[^}]*agent_state="ready"[^}]*\} 1\b""");

        using var hangUp = new CancellationTokenSource();
        var call = Guid.NewGuid();
        var stay = WaitInQueueAsync(call, queueId, callerHangup: hangUp.Token);
        var offer = await NextCommandAsync<OfferCall>(call);
        await ScrapeUntilAsync(admin, $$"""switchboard_acd_calls_waiting\{[^}]*queue_id="{{queueId}}"[^}]*\} 1\b""");
        await ScrapeUntilAsync(admin, """switchboard_acd_agents\{[^}]*agent_state="ringing"[^}]*\} 1\b""");

        Dispatcher.Post(new AgentRefusedOffer(offer.OfferId));
        await ScrapeUntilAsync(admin, """switchboard_acd_offers_total\{[^}]*offer_outcome="refused"[^}]*\} 1\b""");

        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stay);
        await ScrapeUntilAsync(admin, """switchboard_acd_calls_left_total\{[^}]*call_outcome="abandoned"[^}]*\} 1\b""");
        await ScrapeUntilAsync(admin, $$"""switchboard_acd_calls_waiting\{[^}]*queue_id="{{queueId}}"[^}]*\} 0\b""");
    }

    /// <summary>Scrapes until a line matches (the exporter caches a scrape briefly); fails with the last scrape after 10 s.</summary>
    private async Task ScrapeUntilAsync(HttpClient admin, string pattern)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var text = "";
        while (DateTime.UtcNow < deadline)
        {
            text = await admin.GetStringAsync("/metrics", Ct);
            if (Regex.IsMatch(text, pattern))
                return;
            await Task.Delay(100, Ct);
        }

        Assert.Fail($"No line of /metrics matched {pattern}:\n{text}");
    }
}
