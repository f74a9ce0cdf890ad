using Switchboard.Data;
using Microsoft.Extensions.Options;
using Switchboard.Data.Migrations;
using Switchboard.Server.Security;
using Switchboard.Server.Security.KeyProtection;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Prepares storage before the server accepts its first request, in order: migrate the database, check that the
/// data-protection keys can be read (making the master key on a fresh install), encrypt trunk passwords an older version
/// stored in plain text, create the first admin, then seed the demo configuration.
/// </summary>
public sealed class StartupTasks(IServiceScopeFactory scopes, IOptions<SwitchboardOptions> options) : IHostedLifecycleService
{
    // Starting runs before any hosted service starts, the web server included, so no request meets an old schema.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        services.GetRequiredService<KeyRingCheck>().Ensure();
        await services.GetRequiredService<TrunkPasswordUpgrade>().ProtectPlainPasswordsAsync(cancellationToken);
        await services.GetRequiredService<FirstAdminAccount>().EnsureAsync(cancellationToken);
        if (options.Value.Demo)
            await services.GetRequiredService<DemoSwitchboard>().SeedIfEmptyAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
