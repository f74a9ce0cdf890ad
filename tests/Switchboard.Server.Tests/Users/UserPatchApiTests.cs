using System.Net;
using System.Net.Http.Json;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Users;

/// <summary>PATCH /api/v1/users/{id}: the fields sent change, the others stay as stored.</summary>
public abstract class UserPatchApiTests(StorageKind storage) : SwitchboardTest(storage)
{
    private static readonly UserInput Bob = new("bob", "Bob Baker", Role.Agent, "bob-password-1", CrmAccess: true, SipUsername: "1002", SipPassword: "desk-phone-secret");

    [Fact]
    public async Task Turning_the_webphone_off_changes_nothing_else()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var bob = await ConfigurationApi.CreateAsync<UserView>(admin, "/api/v1/users", Bob, Ct);

        using var patched = await admin.PatchAsJsonAsync($"/api/v1/users/{bob.Id}", new { webphoneEnabled = false }, Ct);
        var stored = await admin.GetFromJsonAsync<UserView>($"/api/v1/users/{bob.Id}", TestJson.Options, Ct);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(bob with { WebphoneEnabled = false }, AsCreated(stored!, bob));
        Assert.False(string.IsNullOrEmpty(await Factory.LoginAsync("bob", Bob.Password!, Ct)));
    }

    [Fact]
    public async Task A_new_password_alone_replaces_the_old_one()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var bob = await ConfigurationApi.CreateAsync<UserView>(admin, "/api/v1/users", Bob, Ct);

        using var patched = await admin.PatchAsJsonAsync($"/api/v1/users/{bob.Id}", new { password = "bob-password-2" }, Ct);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.False(string.IsNullOrEmpty(await Factory.LoginAsync("bob", "bob-password-2", Ct)));
        Assert.Equal(bob, AsCreated((await admin.GetFromJsonAsync<UserView>($"/api/v1/users/{bob.Id}", TestJson.Options, Ct))!, bob));
    }

    [Fact]
    public async Task A_bad_username_is_refused_on_its_field_in_words()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var bob = await ConfigurationApi.CreateAsync<UserView>(admin, "/api/v1/users", Bob, Ct);

        using var patched = await admin.PatchAsJsonAsync($"/api/v1/users/{bob.Id}", new { username = "X" }, Ct);

        Assert.Equal(["2 to 64 characters: lower-case letters, digits, '.', '_' or '-'."], await patched.ReadFieldErrorsAsync("username", Ct));
        Assert.Equal(bob, AsCreated((await admin.GetFromJsonAsync<UserView>($"/api/v1/users/{bob.Id}", TestJson.Options, Ct))!, bob));
    }

    [Fact]
    public async Task The_last_admin_cannot_be_patched_out_of_the_admin_role()
    {
        using var admin = await ClientAsync(Actor.Admin);
        var self = (await admin.GetFromJsonAsync<List<UserView>>("/api/v1/users", TestJson.Options, Ct))!.Single(user => user.Username == "admin");

        using var patched = await admin.PatchAsJsonAsync($"/api/v1/users/{self.Id}", new { role = "agent" }, Ct);

        Assert.Equal(["This is the last admin: make another user admin first."], await patched.ReadFieldErrorsAsync("role", Ct));
    }

    [Fact]
    public async Task An_unknown_user_is_404()
    {
        using var admin = await ClientAsync(Actor.Admin);

        using var patched = await admin.PatchAsJsonAsync($"/api/v1/users/{Guid.CreateVersion7()}", new { webphoneEnabled = false }, Ct);

        await patched.ReadProblemAsync(HttpStatusCode.NotFound, Ct);
    }

    [Theory]
    [InlineData(Actor.Supervisor, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Agent, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Only_an_admin_may_patch_a_user(Actor actor, HttpStatusCode expected)
    {
        using var admin = await ClientAsync(Actor.Admin);
        var bob = await ConfigurationApi.CreateAsync<UserView>(admin, "/api/v1/users", Bob, Ct);
        using var client = await ClientAsync(actor);

        using var patched = await client.PatchAsJsonAsync($"/api/v1/users/{bob.Id}", new { webphoneEnabled = false }, Ct);

        Assert.Equal(expected, patched.StatusCode);
        Assert.Equal(bob, AsCreated((await admin.GetFromJsonAsync<UserView>($"/api/v1/users/{bob.Id}", TestJson.Options, Ct))!, bob));
    }

    // PostgreSQL stores the creation time to the microsecond; the answer to the POST has it to the tick.
    private static UserView AsCreated(UserView stored, UserView created)
    {
        Assert.Equal(created.CreatedAt, stored.CreatedAt, TimeSpan.FromMilliseconds(1));
        return stored with { CreatedAt = created.CreatedAt };
    }
}

public sealed class UserPatchApiTests_on_sqlite() : UserPatchApiTests(StorageKind.Sqlite);

public sealed class UserPatchApiTests_on_postgres() : UserPatchApiTests(StorageKind.Postgres);
