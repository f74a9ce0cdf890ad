using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Security;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Sip.Authentication;

namespace Switchboard.Server.Tests.Users;

public abstract class UserApiTests(StorageKind storage) : SwitchboardTest(storage)
{
    private static readonly UserInput Alice = new("alice", "Alice Archer", Role.Agent, "alice-password-1", CrmAccess: true);

    // What the realm's digest of 1001's SIP password is, as the SIP stack computes it to check a phone's answer.
    private static readonly SipDeviceCredentials DeskPhoneCredentials = new(
        "1001",
        DigestCalculator.Ha1(DigestAlgorithm.Md5, "1001", "switchboard", "desk-phone-secret"),
        DigestCalculator.Ha1(DigestAlgorithm.Sha256, "1001", "switchboard", "desk-phone-secret"));

    [Fact]
    public async Task Admin_creates_reads_updates_and_deletes_a_user()
    {
        using var admin = await ClientAsync(Actor.Admin);

        using var created = await admin.PostAsJsonAsync("/api/v1/users", Alice, TestJson.Options, Ct);
        var alice = await created.Content.ReadFromJsonAsync<UserView>(TestJson.Options, Ct);
        var read = await admin.GetFromJsonAsync<UserView>($"/api/v1/users/{alice!.Id}", TestJson.Options, Ct);
        using var updated = await admin.PutAsJsonAsync($"/api/v1/users/{alice.Id}", Alice with { DisplayName = "Alice Baker", Role = Role.Supervisor, Password = null }, TestJson.Options, Ct);
        var afterUpdate = await admin.GetFromJsonAsync<UserView>($"/api/v1/users/{alice.Id}", TestJson.Options, Ct);
        using var deleted = await admin.DeleteAsync($"/api/v1/users/{alice.Id}", Ct);
        using var afterDelete = await admin.GetAsync($"/api/v1/users/{alice.Id}", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/users/{alice.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("alice", "Alice Archer", Role.Agent, true, true), (read!.Username, read.DisplayName, read.Role, read.CrmAccess, read.WebphoneEnabled));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(("Alice Baker", Role.Supervisor), (afterUpdate!.DisplayName, afterUpdate.Role));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }

    [Fact]
    public async Task Roles_travel_as_camel_case_strings()
    {
        using var admin = await ClientAsync(Actor.Admin);

        using var created = await admin.PostAsJsonAsync("/api/v1/users", new { username = "sam", displayName = "Sam", role = "supervisor", password = "sam-password-1" }, Ct);
        var body = await created.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"role\":\"supervisor\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_username_is_refused_naming_username()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var first = await admin.PostAsJsonAsync("/api/v1/users", Alice, TestJson.Options, Ct);

        using var second = await admin.PostAsJsonAsync("/api/v1/users", Alice with { Username = "ALICE", DisplayName = "Another Alice" }, TestJson.Options, Ct);

        var messages = await second.ReadFieldErrorsAsync("username", Ct);
        Assert.Contains(messages, message => message.Contains("already taken", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("with space")]
    [InlineData("ümlaut")]
    public async Task Malformed_username_is_refused_naming_username(string username)
    {
        using var admin = await ClientAsync(Actor.Admin);

        using var response = await admin.PostAsJsonAsync("/api/v1/users", Alice with { Username = username }, TestJson.Options, Ct);

        await response.ReadFieldErrorsAsync("username", Ct);
    }

    [Fact]
    public async Task Password_is_required_on_create_and_at_least_8_characters()
    {
        using var admin = await ClientAsync(Actor.Admin);

        using var missing = await admin.PostAsJsonAsync("/api/v1/users", Alice with { Password = null }, TestJson.Options, Ct);
        using var tooShort = await admin.PostAsJsonAsync("/api/v1/users", Alice with { Password = "short" }, TestJson.Options, Ct);

        await missing.ReadFieldErrorsAsync("password", Ct);
        await tooShort.ReadFieldErrorsAsync("password", Ct);
    }

    [Fact]
    public async Task Password_never_appears_in_responses()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var input = Alice with { SipUsername = "1001", SipPassword = "desk-phone-secret" };

        using var created = await admin.PostAsJsonAsync("/api/v1/users", input, TestJson.Options, Ct);
        var createdBody = await created.Content.ReadAsStringAsync(Ct);
        var id = (await created.Content.ReadFromJsonAsync<UserView>(TestJson.Options, Ct))!.Id;
        var bodies = new[]
        {
            createdBody,
            await admin.GetStringAsync($"/api/v1/users/{id}", Ct),
            await admin.GetStringAsync("/api/v1/users", Ct),
        };

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.All(bodies, body =>
        {
            Assert.Contains("\"sipUsername\":\"1001\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain(input.Password!, body, StringComparison.Ordinal);
            Assert.DoesNotContain(input.SipPassword!, body, StringComparison.Ordinal);
            Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ha1", body, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Sip_password_is_kept_only_as_digest_hashes_of_the_realm()
    {
        using var admin = await ClientAsync(Actor.Admin);

        using var created = await admin.PostAsJsonAsync("/api/v1/users", Alice with { SipUsername = "1001", SipPassword = "desk-phone-secret" }, TestJson.Options, Ct);
        var id = (await created.Content.ReadFromJsonAsync<UserView>(TestJson.Options, Ct))!.Id;
        var device = await StoredUserAsync(id, user => user.SipDevice);

        Assert.Equal(DeskPhoneCredentials, device);
    }

    [Fact]
    public async Task Sip_username_changed_without_its_password_is_refused()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var input = Alice with { SipUsername = "1001", SipPassword = "desk-phone-secret" };
        using var created = await admin.PostAsJsonAsync("/api/v1/users", input, TestJson.Options, Ct);
        var id = (await created.Content.ReadFromJsonAsync<UserView>(TestJson.Options, Ct))!.Id;

        using var renamed = await admin.PutAsJsonAsync($"/api/v1/users/{id}", input with { SipUsername = "1002", SipPassword = null }, TestJson.Options, Ct);
        using var kept = await admin.PutAsJsonAsync($"/api/v1/users/{id}", input with { DisplayName = "Alice B", SipPassword = null }, TestJson.Options, Ct);

        await renamed.ReadFieldErrorsAsync("sipPassword", Ct);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(DeskPhoneCredentials, await StoredUserAsync(id, user => user.SipDevice));
    }

    [Fact]
    public async Task Duplicate_sip_username_is_refused_naming_sipUsername()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var first = await admin.PostAsJsonAsync("/api/v1/users", Alice with { SipUsername = "1001", SipPassword = "desk-phone-secret" }, TestJson.Options, Ct);

        using var second = await admin.PostAsJsonAsync("/api/v1/users", Alice with { Username = "bob", SipUsername = "1001", SipPassword = "other-phone-secret" }, TestJson.Options, Ct);

        await second.ReadFieldErrorsAsync("sipUsername", Ct);
    }

    [Fact]
    public async Task Update_without_a_password_keeps_it_and_with_one_replaces_it()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/users", Alice, TestJson.Options, Ct);
        var id = (await created.Content.ReadFromJsonAsync<UserView>(TestJson.Options, Ct))!.Id;

        using var renamed = await admin.PutAsJsonAsync($"/api/v1/users/{id}", Alice with { DisplayName = "Alice B", Password = null }, TestJson.Options, Ct);
        var oldPasswordToken = await Factory.LoginAsync("alice", Alice.Password!, Ct);
        using var changed = await admin.PutAsJsonAsync($"/api/v1/users/{id}", Alice with { Password = "new-password-2" }, TestJson.Options, Ct);
        using var anonymous = await ClientAsync(Actor.Anonymous);
        using var oldPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest("alice", Alice.Password!), TestJson.Options, Ct);
        var newPasswordToken = await Factory.LoginAsync("alice", "new-password-2", Ct);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.False(string.IsNullOrEmpty(oldPasswordToken));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.False(string.IsNullOrEmpty(newPasswordToken));
    }

    [Fact]
    public async Task Deleting_a_queue_member_is_refused_naming_where_it_is_used()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/users", Alice, TestJson.Options, Ct);
        var id = (await created.Content.ReadFromJsonAsync<UserView>(TestJson.Options, Ct))!.Id;
        await StoreAsync(db =>
        {
            db.Queues.Add(new DistributionQueue { Name = "Sales", Members = [new QueueMember(id, 0, 0)] });
            db.Scenarios.Add(new Scenario { Name = "Main", Actions = [new SetVariableAction("lang", "en"), new CallUserAction(id)] });
        });

        using var response = await admin.DeleteAsync($"/api/v1/users/{id}", Ct);
        using var stillThere = await admin.GetAsync($"/api/v1/users/{id}", Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict, Ct);
        var usages = problem.GetProperty("usages").EnumerateArray().Select(usage => usage.GetString()).ToList();
        Assert.Contains("Queue 'Sales', member", usages);
        Assert.Contains("Scenario 'Main', Action 2 (Call user)", usages);
        Assert.Contains("Queue 'Sales'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Admin_cannot_delete_their_own_account()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var second = await admin.PostAsJsonAsync("/api/v1/users", Alice with { Role = Role.Admin }, TestJson.Options, Ct);
        var users = await admin.GetFromJsonAsync<List<UserView>>("/api/v1/users", TestJson.Options, Ct);
        var self = users!.Single(user => user.Username == "admin");

        using var response = await admin.DeleteAsync($"/api/v1/users/{self.Id}", Ct);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await response.ReadFieldErrorsAsync("id", Ct);
    }

    [Fact]
    public async Task Last_admin_cannot_lose_the_admin_role()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var users = await admin.GetFromJsonAsync<List<UserView>>("/api/v1/users", TestJson.Options, Ct);
        var self = users!.Single(user => user.Username == "admin");

        using var response = await admin.PutAsJsonAsync($"/api/v1/users/{self.Id}", new UserInput("admin", "Administrator", Role.Agent), TestJson.Options, Ct);

        await response.ReadFieldErrorsAsync("role", Ct);
    }

    [Fact]
    public async Task Unknown_user_is_404()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var unknown = Guid.NewGuid();

        using var get = await admin.GetAsync($"/api/v1/users/{unknown}", Ct);
        using var put = await admin.PutAsJsonAsync($"/api/v1/users/{unknown}", Alice, TestJson.Options, Ct);
        using var delete = await admin.DeleteAsync($"/api/v1/users/{unknown}", Ct);

        await get.ReadProblemAsync(HttpStatusCode.NotFound, Ct);
        await put.ReadProblemAsync(HttpStatusCode.NotFound, Ct);
        await delete.ReadProblemAsync(HttpStatusCode.NotFound, Ct);
    }

    private Task<T> StoredUserAsync<T>(Guid id, Func<User, T> read) =>
        Factory.WithServicesAsync(async services =>
            read(await services.GetRequiredService<SwitchboardDbContext>().Users.AsNoTracking().SingleAsync(user => user.Id == id, Ct)));

    private Task<int> StoreAsync(Action<SwitchboardDbContext> add) =>
        Factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<SwitchboardDbContext>();
            add(db);
            return await db.SaveChangesAsync(Ct);
        });

    [Fact]
    public async Task A_sip_username_another_request_saved_but_for_case_after_the_check_is_refused_on_that_field()
    {
        await using var server = new RacingServer(Factory);
        using var client = await server.AdminClientAsync(Ct);
        server.SaveFirst(async (services, token) => Assert.True((await services.GetRequiredService<UserAdmin>()
            .CreateAsync(new UserInput("bob", "Bob", Password: "bob-password-1", SipUsername: "desk", SipPassword: "bob-phone-secret"), token)).Succeeded));

        using var response = await client.PostAsJsonAsync("/api/v1/users", Alice with { SipUsername = "Desk", SipPassword = "desk-phone-secret" }, TestJson.Options, Ct);

        Assert.Equal(["The SIP username 'Desk' is already taken."], await ConfigurationApi.FieldErrorAsync(response, "sipUsername", Ct));
        var users = await server.WithServicesAsync(services => services.GetRequiredService<UserAdmin>().ListAsync(Ct));
        Assert.DoesNotContain(users, user => user.Username == "alice");
    }

    [Fact]
    public async Task A_username_another_request_saved_after_the_check_is_refused_on_the_username_field()
    {
        await using var server = new RacingServer(Factory);
        using var client = await server.AdminClientAsync(Ct);
        server.SaveFirst(async (services, token) => Assert.True((await services.GetRequiredService<UserAdmin>()
            .CreateAsync(Alice with { DisplayName = "The other Alice" }, token)).Succeeded));

        using var response = await client.PostAsJsonAsync("/api/v1/users", Alice with { Username = "ALICE" }, TestJson.Options, Ct);

        Assert.Equal(["The username 'alice' is already taken."], await ConfigurationApi.FieldErrorAsync(response, "username", Ct));
        var users = await server.WithServicesAsync(services => services.GetRequiredService<UserAdmin>().ListAsync(Ct));
        Assert.Equal(["The other Alice"], users.Where(user => user.Username == "alice").Select(user => user.DisplayName));
    }
}

public sealed class UserApiTests_on_sqlite() : UserApiTests(StorageKind.Sqlite);

public sealed class UserApiTests_on_postgres() : UserApiTests(StorageKind.Postgres);
