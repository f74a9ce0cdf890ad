using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Security;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hosting;

public abstract class StartupTests(StorageKind storage) : SwitchboardTest(storage)
{
    [Fact]
    public async Task Health_answers_healthy_without_login()
    {
        using var client = await ClientAsync(Actor.Anonymous);

        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_users_api()
    {
        using var client = await ClientAsync(Actor.Anonymous);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/users", out _));
    }

    [Fact]
    public async Task First_start_creates_the_admin_with_the_configured_password()
    {
        await using var storage = await TestStorage.CreateAsync(Storage.Kind, Ct);
        await using var server = new SwitchboardFactory(storage, adminPassword: "chosen-at-install");
        using var client = server.CreateClient();

        using var chosen = await client.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest("admin", "chosen-at-install"), TestJson.Options, Ct);
        using var other = await client.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest("admin", SwitchboardFactory.AdminPassword), TestJson.Options, Ct);

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task First_admin_is_an_admin_with_crm_access()
    {
        using var admin = await ClientAsync(Actor.Admin);

        var users = await admin.GetFromJsonAsync<List<UserView>>("/api/v1/users", TestJson.Options, Ct);

        var first = Assert.Single(users!);
        Assert.Equal(("admin", Role.Admin, true), (first.Username, first.Role, first.CrmAccess));
    }

    [Fact]
    public async Task Users_survive_a_restart_against_the_same_storage()
    {
        using (var admin = await ClientAsync(Actor.Admin))
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/users", new UserInput("carol", "Carol", Role.Agent, "carol-password"), TestJson.Options, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await RestartAsync();
        using var afterRestart = await ClientAsync(Actor.Admin);
        var users = await afterRestart.GetFromJsonAsync<List<UserView>>("/api/v1/users", TestJson.Options, Ct);
        var carolToken = await Factory.LoginAsync("carol", "carol-password", Ct);

        Assert.Contains(users!, user => user.Username == "carol" && user.DisplayName == "Carol");
        Assert.False(string.IsNullOrEmpty(carolToken));
    }
}

public sealed class StartupTests_on_sqlite() : StartupTests(StorageKind.Sqlite);

public sealed class StartupTests_on_postgres() : StartupTests(StorageKind.Postgres);
