using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Sip;
using Switchboard.Telephony;

namespace Switchboard.Server.Tests.Hosting;

/// <summary>/metrics, as Prometheus scrapes it: admins only, in the text format, with telephony's instruments (SQLite only: storage plays no part).</summary>
[Collection(MetricsScrapes.Name)]
public sealed class MetricsTests() : SwitchboardTest(StorageKind.Sqlite)
{
    [Fact]
    public async Task An_admin_scrapes_calls_in_progress_ports_in_use_and_calls_ended_by_result()
    {
        var created = await Factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new UserInput("desk.phone", "Desk Phone", Role.Agent, SwitchboardFactory.UserPassword, SipUsername: "100", SipPassword: "device-secret-1"), Ct);
        Assert.True(created.Succeeded);
        using var phone = new SipTestPhone(Factory.Services.GetRequiredService<BackToBackUserAgent>().Endpoint.UdpEndPoint!);
        // A device dials a number the switchboard does not have: a call, refused with 404, that ends as notFound.
        var refused = await phone.SendAuthenticatedAsync(phone.Invite("100", "+12025550999"), "100", "device-secret-1", Ct);
        Assert.Equal(404, refused.StatusCode);
        using var admin = await ClientAsync(Actor.Admin);

        using var response = await admin.GetAsync("/metrics", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("switchboard_calls_live ", text, StringComparison.Ordinal);
        Assert.Contains("switchboard_legs_live ", text, StringComparison.Ordinal);
        Assert.Contains("switchboard_rtp_ports_in_use ", text, StringComparison.Ordinal);
        Assert.Matches("""switchboard_calls_ended_total\{[^}]*call_result="notFound"[^}]*\} 1""", text);
    }

    [Fact]
    public async Task A_scrape_counts_an_options_received_over_udp_its_answer_sent_and_a_malformed_datagram_dropped()
    {
        var server = Factory.Services.GetRequiredService<BackToBackUserAgent>().Endpoint.UdpEndPoint!;
        using var admin = await ClientAsync(Actor.Admin);
        var before = await ScrapeAsync(admin);
        using var phone = new SipTestPhone(server);
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        await raw.SendToAsync("\u0001\u0002 not SIP at all\r\n\r\n"u8.ToArray(), SocketFlags.None, server, Ct);
        var answer = await phone.SendAsync(Options(phone), Ct);

        Assert.Equal(200, answer.StatusCode);
        // Other tests' servers may count on the same meter at the same time: each counter grows by at least ours.
        string[] received = ["switchboard_sip_messages_received_total", "network_transport=\"udp\"", "sip_message_kind=\"request\""];
        string[] sent = ["switchboard_sip_messages_sent_total", "network_transport=\"udp\"", "sip_message_kind=\"response\""];
        string[] dropped = ["switchboard_sip_messages_dropped_total", "network_transport=\"udp\"", "sip_drop_reason=\"malformed\""];
        var after = await ScrapeUntilAsync(admin, scrape => Value(scrape, received) >= Value(before, received) + 1
            && Value(scrape, sent) >= Value(before, sent) + 1
            && Value(scrape, dropped) >= Value(before, dropped) + 1);
        Assert.True(after.Satisfied, $"Before:\n{before}\nAfter:\n{after.Scrape}");
    }

    [Fact]
    public async Task A_scraper_with_the_scrape_token_reads_the_metrics_and_one_with_another_token_is_refused()
    {
        const string Token = "scrape-token-of-at-least-32-characters";
        using var server = Factory.WithWebHostBuilder(builder => builder.UseSetting("Switchboard:Metrics:ScrapeToken", Token));
        using var client = server.CreateClient();

        using var scraped = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", $"Bearer {Token}" } } }, Ct);
        using var guessed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "Authorization", $"Bearer {Token}x" } } }, Ct);

        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("switchboard_calls_live ", await scraped.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
    }

    [Theory]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Actor.Supervisor, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Agent, HttpStatusCode.Forbidden)]
    public async Task Anyone_but_an_admin_is_refused(Actor actor, HttpStatusCode status)
    {
        using var client = await ClientAsync(actor);

        using var response = await client.GetAsync("/metrics", Ct);

        Assert.Equal(status, response.StatusCode);
    }

    /// <summary>Scrapes until <paramref name="satisfied"/> holds or the guard passes: the exporter serves a cached scrape for a moment.</summary>
    private async Task<(bool Satisfied, string Scrape)> ScrapeUntilAsync(HttpClient admin, Func<string, bool> satisfied)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var scrape = await ScrapeAsync(admin);
            if (satisfied(scrape) || guard.IsCancellationRequested)
                return (satisfied(scrape), scrape);
            await Task.Delay(100, Ct);
        }
    }

    private async Task<string> ScrapeAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The value of the series of <paramref name="series"/>[0] carrying the labels that follow, 0 when it is not there yet.</summary>
    private static double Value(string scrape, string[] series)
    {
        var line = scrape.Split('\n').FirstOrDefault(line => line.StartsWith(series[0] + "{", StringComparison.Ordinal)
            && series[1..].All(label => line.Contains(label, StringComparison.Ordinal)));
        return line is null ? 0 : double.Parse(line[(line.IndexOf('}', StringComparison.Ordinal) + 2)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static SipRequest Options(SipTestPhone phone)
    {
        var options = new SipRequest("OPTIONS", "sip:switchboard@127.0.0.1");
        options.Headers.Add("From", $"<sip:probe@{phone.Address}>;tag=probe1");
        options.Headers.Add("To", "<sip:switchboard@127.0.0.1>");
        options.Headers.Add("Call-ID", $"{Guid.NewGuid():N}@{phone.Address}");
        options.Headers.Add("CSeq", "1 OPTIONS");
        return options;
    }
}
