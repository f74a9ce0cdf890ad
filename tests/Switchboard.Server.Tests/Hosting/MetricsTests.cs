using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Tests.Infrastructure;
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
        Assert.Contains("switchboard_rtp_ports_in_use ", text, StringComparison.Ordinal);
        Assert.Matches("""switchboard_calls_ended_total\{[^}]*call_result="notFound"[^}]*\} 1""", text);
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
}
