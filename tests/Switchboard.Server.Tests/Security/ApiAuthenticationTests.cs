using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Security;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Security;

public abstract class ApiAuthenticationTests(StorageKind storage) : SwitchboardTest(storage)
{
    [Fact]
    public async Task Login_returns_a_token_that_opens_the_api()
    {
        var token = await Factory.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Login_ignores_the_case_of_the_username()
    {
        var token = await Factory.LoginAsync("Admin", SwitchboardFactory.AdminPassword, Ct);

        Assert.False(string.IsNullOrEmpty(token));
    }

    [Fact]
    public async Task Wrong_password_gets_401()
    {
        using var client = await ClientAsync(Actor.Anonymous);

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest("admin", "not-the-password"), TestJson.Options, Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized, Ct);
        Assert.DoesNotContain("token", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unknown_user_gets_401()
    {
        using var client = await ClientAsync(Actor.Anonymous);

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest("nobody", SwitchboardFactory.AdminPassword), TestJson.Options, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task No_token_gets_401_on_users_not_a_redirect()
    {
        using var client = await ClientAsync(Actor.Anonymous);

        using var response = await client.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Forged_token_gets_401()
    {
        using var client = await ClientAsync(Actor.Anonymous);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Actor.Agent)]
    [InlineData(Actor.Supervisor)]
    public async Task Non_admin_token_gets_403_on_admin_configuration_routes(Actor actor)
    {
        using var client = await ClientAsync(actor);

        using var list = await client.GetAsync("/api/v1/users", Ct);
        using var create = await client.PostAsJsonAsync("/api/v1/users", new UserInput("mallory", "Mallory", Role.Admin, "mallory-password"), TestJson.Options, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Null(list.Headers.Location);
    }

    [Fact]
    public async Task Bearer_token_issued_before_a_restart_still_works_after_it()
    {
        var token = await Factory.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);

        await RestartAsync();
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_of_a_deleted_user_stops_working()
    {
        using var supervisor = await ClientAsync(Actor.Supervisor);
        using var admin = await ClientAsync(Actor.Admin);
        var users = await admin.GetFromJsonAsync<List<UserView>>("/api/v1/users", TestJson.Options, Ct);
        var supervisorId = users!.Single(user => user.Username == "supervisor").Id;
        using var before = await supervisor.GetAsync("/api/v1/users", Ct);

        using var deleted = await admin.DeleteAsync($"/api/v1/users/{supervisorId}", Ct);
        using var after = await supervisor.GetAsync("/api/v1/users", Ct);

        // Forbidden while the account exists; not even authenticated once it is gone.
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Role_change_applies_to_a_token_already_issued()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new UserInput("second-admin", "Second admin", Role.Admin, "second-password"), TestJson.Options, Ct);
        var secondAdmin = await created.Content.ReadFromJsonAsync<UserView>(TestJson.Options, Ct);
        using var second = Factory.CreateClient();
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Factory.LoginAsync("second-admin", "second-password", Ct));
        using var before = await second.GetAsync("/api/v1/users", Ct);

        using var demoted = await admin.PutAsJsonAsync($"/api/v1/users/{secondAdmin!.Id}", new UserInput("second-admin", "Second admin", Role.Agent), TestJson.Options, Ct);
        using var after = await second.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_the_tokens_issued_with_the_old_password()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/users", new UserInput("changing", "Changing", Role.Admin, "first-password"), TestJson.Options, Ct);
        var user = await created.Content.ReadFromJsonAsync<UserView>(TestJson.Options, Ct);
        using var old = Factory.CreateClient();
        old.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Factory.LoginAsync("changing", "first-password", Ct));
        using var before = await old.GetAsync("/api/v1/users", Ct);

        using var renamed = await admin.PutAsJsonAsync($"/api/v1/users/{user!.Id}", new UserInput("changing", "Changed name", Role.Admin), TestJson.Options, Ct);
        using var afterRename = await old.GetAsync("/api/v1/users", Ct);
        using var changed = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", new UserInput("changing", "Changed name", Role.Admin, "second-password"), TestJson.Options, Ct);
        using var afterChange = await old.GetAsync("/api/v1/users", Ct);
        using var fresh = Factory.CreateClient();
        fresh.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Factory.LoginAsync("changing", "second-password", Ct));
        using var withNewPassword = await fresh.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        // Other changes keep the token; the new password ends it, and a login with the new one works.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (renamed.StatusCode, afterRename.StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (changed.StatusCode, afterChange.StatusCode));
        Assert.Equal(HttpStatusCode.OK, withNewPassword.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_problem_naming_the_field_and_its_allowed_values()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var body = new StringContent("""{"username": "bob", "role": "emperor"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await admin.PostAsync("/api/v1/users", body, Ct);

        var messages = await response.ReadFieldErrorsAsync("role", Ct);
        Assert.Contains(messages, message => message.Contains("admin, supervisor, agent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_without_a_password_is_a_400_naming_the_field()
    {
        using var client = await ClientAsync(Actor.Anonymous);

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin" }, TestJson.Options, Ct);

        await response.ReadFieldErrorsAsync("password", Ct);
    }
}

public sealed class ApiAuthenticationTests_on_sqlite() : ApiAuthenticationTests(StorageKind.Sqlite);

public sealed class ApiAuthenticationTests_on_postgres() : ApiAuthenticationTests(StorageKind.Postgres);
