using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Switchboard.Server.Security.KeyProtection;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Security;

/// <summary>
/// The data-protection keys that sign every cookie and token, as they lie in the database: read with SQL, as anyone
/// holding a copy of the database could, and across restarts with the master key kept, lost or changed.
/// </summary>
public abstract class KeysAtRestTests(StorageKind storage) : SwitchboardTest(storage)
{
    private const string Section = KeyProtectionOptions.Section;

    private string KeyFile => Path.Combine(Storage.DataDirectory, KeyProtectionOptions.DefaultMasterKeyFileName);

    [Fact]
    public async Task Stored_keys_hold_no_key_material_in_clear_and_the_master_key_file_is_readable_by_its_owner_only()
    {
        await Factory.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);

        var rows = await KeyRowsAsync();

        Assert.NotEmpty(rows);
        Assert.All(rows, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        Assert.All(rows, xml => Assert.Contains($"<{MasterKeyXmlEncryptor.ElementName}", xml, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    [Fact]
    public async Task A_cookie_issued_before_a_restart_still_works_after_it()
    {
        Factory.OnLoopback();
        var cookie = await LoginCookieAsync(Factory);

        await RestartAsync();
        Factory.OnLoopback();
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        using var response = await client.GetAsync("/api/v1/users", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_node_without_the_master_key_refuses_to_start_and_says_which_file_is_missing()
    {
        await Factory.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);
        await Factory.DisposeAsync();
        var keysBefore = await KeyRowsAsync();
        File.Delete(KeyFile);

        await using var restarted = new SwitchboardFactory(Storage);
        var refused = await StartFailureAsync(restarted);

        Assert.Contains(KeyFile, refused, StringComparison.Ordinal);
        Assert.Contains($"{Section}:MasterKey", refused, StringComparison.Ordinal);
        Assert.Equal(keysBefore, await KeyRowsAsync());
        Assert.False(File.Exists(KeyFile), "a new master key file was made although the stored keys need the old one");
    }

    [Fact]
    public async Task A_node_with_another_master_key_refuses_to_start_and_makes_no_new_key()
    {
        await Factory.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);
        await Factory.DisposeAsync();
        var keysBefore = await KeyRowsAsync();

        await using var restarted = new SwitchboardFactory(Storage, settings: new Dictionary<string, string> { [$"{Section}:MasterKey"] = NewMasterKey() });
        var refused = await StartFailureAsync(restarted);

        Assert.Contains("cannot be decrypted", refused, StringComparison.Ordinal);
        Assert.Contains($"{Section}:MasterKey", refused, StringComparison.Ordinal);
        Assert.Equal(keysBefore, await KeyRowsAsync());
    }

    [Fact]
    public async Task Nodes_given_the_same_master_key_in_configuration_accept_each_others_tokens_and_make_no_key_file()
    {
        var settings = new Dictionary<string, string> { [$"{Section}:MasterKey"] = NewMasterKey() };
        await Factory.DisposeAsync();
        await using var first = new SwitchboardFactory(Storage, settings: settings);
        var token = await first.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);
        await first.DisposeAsync();

        await using var second = new SwitchboardFactory(Storage, settings: settings);
        using var response = await GetUsersAsync(second, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(File.Exists(KeyFile), "a key file was made although the master key is configured");
        Assert.All(await KeyRowsAsync(), xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_protected_with_a_certificate_are_encrypted_and_read_back_after_a_restart()
    {
        await Factory.DisposeAsync();
        var pfx = Path.Combine(Storage.DataDirectory, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Switchboard keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"), Ct);
        }
        var settings = new Dictionary<string, string>
        {
            [$"{Section}:KeyProtection"] = "Certificate",
            [$"{Section}:CertificatePath"] = pfx,
            [$"{Section}:CertificatePassword"] = "pfx-password",
        };
        await using var first = new SwitchboardFactory(Storage, settings: settings);
        var token = await first.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);
        await first.DisposeAsync();

        await using var second = new SwitchboardFactory(Storage, settings: settings);
        using var response = await GetUsersAsync(second, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await KeyRowsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        Assert.All(rows, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_stored_in_clear_by_an_older_version_stays_readable_and_an_encrypted_key_takes_over()
    {
        await Factory.DisposeAsync();
        await using var older = new SwitchboardFactory(Storage, settings: new Dictionary<string, string> { [$"{Section}:KeyProtection"] = "None" });
        var token = await older.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);
        await older.DisposeAsync();
        var clearKey = Assert.Single(await KeyRowsAsync());
        Assert.Contains("<masterKey", clearKey, StringComparison.Ordinal);

        await using var upgraded = new SwitchboardFactory(Storage);
        using var oldToken = await GetUsersAsync(upgraded, token);
        var newToken = await upgraded.LoginAsync("admin", SwitchboardFactory.AdminPassword, Ct);

        Assert.Equal(HttpStatusCode.OK, oldToken.StatusCode);
        var rows = await KeyRowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, xml => xml.Contains($"<{MasterKeyXmlEncryptor.ElementName}", StringComparison.Ordinal));
        // The new token is protected with the encrypted key: it still works once the clear key is gone.
        await upgraded.DisposeAsync();
        await Storage.ExecuteAsync($"DELETE FROM data_protection_keys WHERE xml NOT LIKE '%<{MasterKeyXmlEncryptor.ElementName}%'", Ct);
        await using var cleaned = new SwitchboardFactory(Storage);
        using var afterCleanup = await GetUsersAsync(cleaned, newToken);
        Assert.Equal(HttpStatusCode.OK, afterCleanup.StatusCode);
    }

    private static string NewMasterKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private Task<IReadOnlyList<string>> KeyRowsAsync() => Storage.ReadColumnAsync("SELECT xml FROM data_protection_keys ORDER BY id", Ct);

    private async Task<HttpResponseMessage> GetUsersAsync(SwitchboardFactory server, string token)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v1/users", Ct);
    }

    // What the operator reads in the log of a start that fails.
    private static async Task<string> StartFailureAsync(SwitchboardFactory server)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => server.CreateClient()));
        var messages = new List<string>();
        for (Exception? exception = failure; exception is not null; exception = exception.InnerException)
            messages.Add(exception.Message);
        return string.Join(" | ", messages);
    }

    private async Task<string> LoginCookieAsync(SwitchboardFactory server)
    {
        using var client = server.CreateClient();
        var origin = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(origin) };
        var page = await browser.GetStringAsync("/login", Ct);
        var field = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"|value=\"(?<value>[^\"]+)\"[^>]*name=\"__RequestVerificationToken\"");
        Assert.True(field.Success, "The login page has no antiforgery field.");
        using var form = new FormUrlEncodedContent([
            new("username", "admin"), new("password", SwitchboardFactory.AdminPassword), new("returnUrl", "/"),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(field.Groups["value"].Value))]);
        using var login = await browser.PostAsync("/account/login", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith("switchboard.auth=", StringComparison.Ordinal));
        return cookie.Split(';')[0];
    }
}

public sealed class KeysAtRestTests_on_sqlite() : KeysAtRestTests(StorageKind.Sqlite);

public sealed class KeysAtRestTests_on_postgres() : KeysAtRestTests(StorageKind.Postgres);
