using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data;
using Switchboard.Server.Hosting;
using Switchboard.Server.Security;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// The real server, where a test can make another request save between the checks and the save of the next one
/// (<see cref="SaveFirst"/>): the race of two requests for the same name, run for certain.
/// </summary>
public sealed class RacingServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _server;
    private readonly CompetingSave _competing = new();

    public RacingServer(SwitchboardFactory factory)
    {
        _server = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<SwitchboardDbContext>(options => options.AddInterceptors(_competing))));
        _competing.Scopes = _server.Services.GetRequiredService<IServiceScopeFactory>();
    }

    /// <summary>The server's next save waits while <paramref name="competitor"/> runs with the services of a request of its own.</summary>
    public void SaveFirst(Func<IServiceProvider, CancellationToken, Task> competitor) => _competing.Before(competitor);

    /// <summary>A client logged in as the first admin.</summary>
    public async Task<HttpClient> AdminClientAsync(CancellationToken cancellationToken)
    {
        var client = _server.CreateClient();
        using var login = await client.PostAsJsonAsync(
            "/api/v1/auth/login", new LoginRequest(FirstAdminAccount.Username, SwitchboardFactory.AdminPassword), TestJson.Options, cancellationToken);
        Assert.True(login.IsSuccessStatusCode, $"The admin's login answered {(int)login.StatusCode}.");
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>(TestJson.Options, cancellationToken))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs <paramref name="action"/> with the services of a request of its own.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = _server.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
