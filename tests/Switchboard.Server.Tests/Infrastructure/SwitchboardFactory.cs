using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Domain.Users;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Hosting;
using Switchboard.Server.Security;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// The real Switchboard server, in memory, on <paramref name="storage"/>. The first start creates the user
/// "admin" with <paramref name="adminPassword"/>; supervisor and agent users are created on first use.
/// </summary>
/// <param name="time">The server's clock and timers; the system's unless a test moves time itself.</param>
public sealed class SwitchboardFactory(
    TestStorage storage,
    string adminPassword = SwitchboardFactory.AdminPassword,
    IReadOnlyDictionary<string, string>? settings = null,
    TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-password-1";

    /// <summary>The password of the users "supervisor" and "agent" that <see cref="CreateClientAsync"/> creates.</summary>
    public const string UserPassword = "user-password-1";

    public TestStorage Storage => storage;

    /// <summary>A client acting as <paramref name="actor"/> through a bearer token (none for anonymous).</summary>
    public async Task<HttpClient> CreateClientAsync(Actor actor, CancellationToken cancellationToken)
    {
        var client = CreateClient();
        if (actor == Actor.Anonymous)
            return client;

        var (username, password) = actor switch
        {
            Actor.Admin => (FirstAdminAccount.Username, adminPassword),
            Actor.Supervisor => (await EnsureUserAsync("supervisor", Role.Supervisor, cancellationToken), UserPassword),
            _ => (await EnsureUserAsync("agent", Role.Agent, cancellationToken), UserPassword),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(username, password, cancellationToken));
        return client;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser test needs to see them.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A bearer token from POST /api/v1/auth/login; fails the test when the login is refused.</summary>
    public async Task<string> LoginAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest(username, password), TestJson.Options, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Login of '{username}' answered {(int)response.StatusCode}.");
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(TestJson.Options, cancellationToken);
        return body!.Token;
    }

    /// <summary>Runs <paramref name="action"/> with a request-like scope of the server's services (e.g. the admin services).</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Switchboard:DataDirectory", storage.DataDirectory);
        builder.UseSetting("ConnectionStrings:Postgres", storage.PostgresConnectionString ?? "");
        builder.UseSetting(FirstAdminAccount.PasswordVariable, adminPassword);
        // SIP on loopback at a free port, so that servers of parallel tests never collide on 5060.
        builder.UseSetting("Switchboard:Sip:Address", "127.0.0.1");
        builder.UseSetting("Switchboard:Sip:Port", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        // The ACD's commands for calls that are not SIP calls are kept, for the tests that answer offers themselves.
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<UnclaimedAcdCommands>();
            services.Replace(ServiceDescriptor.Singleton<IUnclaimedAcdCommandSink>(provider => provider.GetRequiredService<UnclaimedAcdCommands>()));
            if (time is not null)
                services.Replace(ServiceDescriptor.Singleton(time));
        });
    }

    private Task<string> EnsureUserAsync(string username, Role role, CancellationToken cancellationToken) =>
        WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserAdmin>();
            if ((await users.ListAsync(cancellationToken)).Any(user => user.Username == username))
                return username;
            var created = await users.CreateAsync(new UserInput(username, username, role, UserPassword), cancellationToken);
            Assert.True(created.Succeeded, $"Creating '{username}' was refused: {string.Join(", ", created.Errors.Keys)}");
            return username;
        });
}
