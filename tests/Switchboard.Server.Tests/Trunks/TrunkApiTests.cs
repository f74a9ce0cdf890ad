using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Security;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Trunks;

public abstract class TrunkApiTests(StorageKind storage) : SwitchboardTest(storage)
{
    private const string Password = "carrier-secret-42";

    [Fact]
    public async Task Trunk_is_created_changed_and_deleted_without_its_password_ever_shown()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var created = await client.PostAsJsonAsync(
            "/api/v1/trunks",
            new
            {
                name = "Carrier",
                inboundAddresses = new List<string> { "203.0.113.5", "198.51.100.7/24", "2001:db8::/32" },
                outboundHost = "sip.carrier.example:5080",
                registration = new { registrar = "sip.carrier.example", username = "acme", password = Password, expiresSeconds = 600 },
            },
            TestJson.Options,
            Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain(Password, await created.Content.ReadAsStringAsync(Ct));
        var trunk = (await created.Content.ReadFromJsonAsync<TrunkView>(TestJson.Options, Ct))!;
        Assert.Equal(["203.0.113.5", "198.51.100.0/24", "2001:db8::/32"], trunk.InboundAddresses);
        Assert.Equal(new TrunkRegistrationView("sip.carrier.example", "acme", 600, HasPassword: true), trunk.Registration);

        using var updated = await client.PutAsJsonAsync(
            $"/api/v1/trunks/{trunk.Id}",
            new
            {
                name = "Carrier B",
                inboundAddresses = new List<string> { "203.0.113.9" },
                registration = new { registrar = "reg.carrier.example", username = "acme2" },
            },
            TestJson.Options,
            Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(Password, await StoredPasswordAsync(trunk.Id));

        using var fetched = await client.GetAsync($"/api/v1/trunks/{trunk.Id}", Ct);
        var body = await fetched.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(Password, body);
        var view = (await fetched.Content.ReadFromJsonAsync<TrunkView>(TestJson.Options, Ct))!;
        Assert.Equal(("Carrier B", null as string), (view.Name, view.OutboundHost));
        Assert.Equal(new TrunkRegistrationView("reg.carrier.example", "acme2", 3600, HasPassword: true), view.Registration);
        var listed = await client.GetFromJsonAsync<List<TrunkView>>("/api/v1/trunks", TestJson.Options, Ct);
        Assert.Equal(["Carrier B"], listed!.Select(t => t.Name));

        using var deleted = await client.DeleteAsync($"/api/v1/trunks/{trunk.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/v1/trunks/{trunk.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Inbound_address_that_is_no_IP_or_CIDR_is_refused_on_that_entry()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync(
            "/api/v1/trunks", new { name = "Carrier", inboundAddresses = new List<string> { "203.0.113.5", "carrier.example" } }, TestJson.Options, Ct);

        var messages = await ConfigurationApi.FieldErrorAsync(response, "inboundAddresses[1]", Ct);
        Assert.Contains("not an IP address", messages[0]);
    }

    [Fact]
    public async Task Outbound_host_with_a_bad_port_is_refused()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync("/api/v1/trunks", new { name = "Carrier", outboundHost = "sip.carrier.example:99999" }, TestJson.Options, Ct);

        await ConfigurationApi.FieldErrorAsync(response, "outboundHost", Ct);
    }

    [Fact]
    public async Task New_registration_without_a_password_and_a_taken_name_are_refused()
    {
        using var client = await ClientAsync(Actor.Admin);
        await ConfigurationApi.CreateAsync<TrunkView>(client, "/api/v1/trunks", new { name = "Carrier" }, Ct);

        using var response = await client.PostAsJsonAsync(
            "/api/v1/trunks",
            new { name = "carrier", registration = new { registrar = "sip.carrier.example", username = "acme" } },
            TestJson.Options,
            Ct);

        await ConfigurationApi.FieldErrorAsync(response, "registration.password", Ct);
        await ConfigurationApi.FieldErrorAsync(response, "name", Ct);
    }

    [Theory]
    [InlineData(Actor.Agent, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Only_admins_may_see_or_change_trunks(Actor actor, HttpStatusCode expected)
    {
        using var client = await ClientAsync(actor);

        using var list = await client.GetAsync("/api/v1/trunks", Ct);
        using var create = await client.PostAsJsonAsync("/api/v1/trunks", new { name = "Carrier" }, TestJson.Options, Ct);

        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected, create.StatusCode);
    }

    private Task<string?> StoredPasswordAsync(Guid trunkId) =>
        Factory.WithServicesAsync(async services =>
        {
            var trunk = await services.GetRequiredService<SwitchboardDbContext>().Trunks.AsNoTracking().SingleAsync(t => t.Id == trunkId, Ct);
            return trunk.Registration is { } stored ? services.GetRequiredService<TrunkPasswords>().Reveal(stored).Password : null;
        });

    [Fact]
    public async Task A_name_another_request_saved_but_for_case_after_the_check_is_refused_on_the_name_field()
    {
        await using var server = new RacingServer(Factory);
        using var client = await server.AdminClientAsync(Ct);
        server.SaveFirst(async (services, token) =>
            Assert.True((await services.GetRequiredService<TrunkAdmin>().CreateAsync(new TrunkInput("carrier"), token)).Succeeded));

        using var response = await client.PostAsJsonAsync("/api/v1/trunks", new { name = "Carrier" }, TestJson.Options, Ct);

        Assert.Equal(["A trunk named 'Carrier' already exists."], await ConfigurationApi.FieldErrorAsync(response, "name", Ct));
        var trunks = await server.WithServicesAsync(services => services.GetRequiredService<TrunkAdmin>().ListAsync(Ct));
        Assert.Equal(["carrier"], trunks.Select(trunk => trunk.Name));
    }
}

public sealed class TrunkApiTests_on_sqlite() : TrunkApiTests(StorageKind.Sqlite);

public sealed class TrunkApiTests_on_postgres() : TrunkApiTests(StorageKind.Postgres);
