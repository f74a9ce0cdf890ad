using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Data.Tests;

public class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Without_a_postgres_connection_string_configuration_is_a_sqlite_file_in_the_data_directory()
    {
        await using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite);

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(StorageProvider.Sqlite, storage.Services.GetRequiredService<StorageOptions>().Provider);
        Assert.True(File.Exists(Path.Combine(storage.Options.DataDirectory, "switchboard.db")));
        await using var context = storage.CreateContext();
        Assert.True(context.Database.IsSqlite());
        Assert.Equal(["wal"], await storage.QueryAsync("PRAGMA journal_mode"));
        Assert.Equal(["1"], await storage.QueryAsync("PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task With_a_postgres_connection_string_configuration_is_stored_in_postgres()
    {
        await using var storage = await TestStorage.CreateAsync(StorageProvider.Postgres);

        await storage.Migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(StorageProvider.Postgres, storage.Services.GetRequiredService<StorageOptions>().Provider);
        Assert.False(Directory.Exists(storage.Options.DataDirectory));
        await using var context = storage.CreateContext();
        Assert.True(context.Database.IsNpgsql());
        Assert.Contains("users", await storage.TablesAsync());
    }

    [Fact]
    public async Task A_request_scope_gets_its_own_context()
    {
        await using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite);
        var scopes = storage.Services.GetRequiredService<IServiceScopeFactory>();

        await using var first = scopes.CreateAsyncScope();
        await using var second = scopes.CreateAsyncScope();

        var context = first.ServiceProvider.GetRequiredService<SwitchboardDbContext>();
        Assert.Same(context, first.ServiceProvider.GetRequiredService<SwitchboardDbContext>());
        Assert.NotSame(context, second.ServiceProvider.GetRequiredService<SwitchboardDbContext>());
    }
}
