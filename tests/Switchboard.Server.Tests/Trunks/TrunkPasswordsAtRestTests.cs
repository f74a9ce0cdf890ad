using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Security;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Trunks;

/// <summary>
/// Trunk registration passwords as they lie in the database, read with SQL as anyone holding a copy of it could: saved
/// through the API, and left in plain text by an older version.
/// </summary>
public abstract class TrunkPasswordsAtRestTests(StorageKind storage) : SwitchboardTest(storage)
{
    private const string Password = "carrier-secret-7f3a";

    [Fact]
    public async Task A_password_saved_through_the_api_is_not_in_the_database_row_and_not_in_the_answer()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var created = await client.PostAsJsonAsync(
            "/api/v1/trunks",
            new { name = "Carrier", registration = new { registrar = "sip.carrier.example", username = "acme", password = Password } },
            TestJson.Options,
            Ct);
        var trunk = (await created.Content.ReadFromJsonAsync<TrunkView>(TestJson.Options, Ct))!;
        var listed = await client.GetStringAsync("/api/v1/trunks", Ct);

        var row = Assert.Single(await RegistrationColumnAsync());
        Assert.DoesNotContain(Password, row, StringComparison.Ordinal);
        Assert.Contains(TrunkPasswords.Marker, row, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, listed, StringComparison.Ordinal);
        Assert.True(trunk.Registration!.HasPassword);
        Assert.Equal(Password, await PasswordForRegistrationAsync(trunk.Id));
    }

    [Fact]
    public async Task A_password_an_older_version_stored_in_plain_text_is_encrypted_at_the_next_start_and_only_once()
    {
        var trunkId = Guid.NewGuid();
        _ = Factory.Services;
        await Factory.DisposeAsync();
        await InsertAsOlderVersionAsync(trunkId, "Old carrier", Password);

        await RestartAsync();
        _ = Factory.Services;
        var afterUpgrade = Assert.Single(await RegistrationColumnAsync());
        await RestartAsync();
        _ = Factory.Services;
        var afterAnotherStart = Assert.Single(await RegistrationColumnAsync());

        Assert.DoesNotContain(Password, afterUpgrade, StringComparison.Ordinal);
        Assert.Contains(TrunkPasswords.Marker, afterUpgrade, StringComparison.Ordinal);
        Assert.Equal(afterUpgrade, afterAnotherStart);
        Assert.Equal(Password, await PasswordForRegistrationAsync(trunkId));
        using var client = await ClientAsync(Actor.Admin);
        var shown = await client.GetFromJsonAsync<TrunkView>($"/api/v1/trunks/{trunkId}", TestJson.Options, Ct);
        Assert.Equal(new TrunkRegistrationView("sip.carrier.example", "old-acme", 3600, HasPassword: true), shown!.Registration);
    }

    private Task<IReadOnlyList<string>> RegistrationColumnAsync() =>
        Storage.ReadColumnAsync("SELECT registration FROM trunks WHERE registration IS NOT NULL", Ct);

    // The row exactly as versions before encryption wrote it: the registration as JSON with the password in it.
    private Task InsertAsOlderVersionAsync(Guid id, string name, string password)
    {
        var storedId = Storage.Kind == StorageKind.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString();
        var registration = $$"""{"registrar":"sip.carrier.example","username":"old-acme","password":"{{password}}","expiresSeconds":3600}""";
        return Storage.ExecuteAsync(
            $"INSERT INTO trunks (id, name, inbound_addresses, outbound_host, registration) VALUES ('{storedId}', '{name}', '[]', NULL, '{registration}')", Ct);
    }

    // The password the carrier registration is given, decrypted the way TrunkRegistrations does it.
    private Task<string> PasswordForRegistrationAsync(Guid trunkId) =>
        Factory.WithServicesAsync(async services =>
        {
            var trunk = await services.GetRequiredService<SwitchboardDbContext>().Trunks.AsNoTracking().SingleAsync(t => t.Id == trunkId, Ct);
            return services.GetRequiredService<TrunkPasswords>().Reveal(trunk.Registration!).Password;
        });
}

public sealed class TrunkPasswordsAtRestTests_on_sqlite() : TrunkPasswordsAtRestTests(StorageKind.Sqlite);

public sealed class TrunkPasswordsAtRestTests_on_postgres() : TrunkPasswordsAtRestTests(StorageKind.Postgres);
