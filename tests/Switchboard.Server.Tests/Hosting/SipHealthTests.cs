using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Telephony;

namespace Switchboard.Server.Tests.Hosting;

/// <summary>/health tells a monitor when SIP no longer receives (storage plays no part, so SQLite only).</summary>
public sealed class SipHealthTests() : SwitchboardTest(StorageKind.Sqlite)
{
    [Fact]
    public async Task Health_is_unhealthy_and_names_sip_once_the_sip_listeners_stopped()
    {
        using var client = await ClientAsync(Actor.Anonymous);
        using var before = await client.GetAsync("/health", Ct);

        await Factory.Services.GetRequiredService<BackToBackUserAgent>().Endpoint.StopAsync(Ct);
        using var after = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        using var body = JsonDocument.Parse(await after.Content.ReadAsStringAsync(Ct));
        var failing = Assert.Single(body.RootElement.GetProperty("failing").EnumerateArray());
        Assert.Equal("sip", failing.GetProperty("check").GetString());
        Assert.StartsWith("SIP does not receive", failing.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
