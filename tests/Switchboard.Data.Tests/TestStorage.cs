using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Data.Migrations;
using Switchboard.Testing;

namespace Switchboard.Data.Tests;

/// <summary>
/// An empty database of one provider (a temporary SQLite file or a fresh PostgreSQL database) with the storage
/// services registered against it, as the server registers them.
/// </summary>
internal sealed class TestStorage : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;
    private readonly List<ServiceProvider> _nodes = [];

    private TestStorage(StorageOptions options, PostgresTestDatabase? postgres, TimeProvider? time)
    {
        Options = options;
        _postgres = postgres;
        Services = CreateNode(time);
    }

    public StorageOptions Options { get; }

    public StorageProvider Provider => Options.Provider;

    public IServiceProvider Services { get; }

    public DatabaseMigrator Migrator => Services.GetRequiredService<DatabaseMigrator>();

    public static async Task<TestStorage> CreateAsync(StorageProvider provider, TimeProvider? time = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "switchboard-data-tests", Guid.NewGuid().ToString("N"));
        var postgres = provider == StorageProvider.Postgres
            ? await PostgresTestDatabase.CreateAsync(CancellationToken.None)
            : null;
        var options = new StorageOptions { DataDirectory = dataDirectory, PostgresConnectionString = postgres?.ConnectionString };
        return new TestStorage(options, postgres, time);
    }

    /// <summary>The same services again, as a second node sharing this database would have them.</summary>
    public IServiceProvider CreateNode(TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var node = services.AddSwitchboardStorage(Options).BuildServiceProvider();
        _nodes.Add(node);
        return node;
    }

    public SwitchboardDbContext CreateContext() =>
        Services.GetRequiredService<IDbContextFactory<SwitchboardDbContext>>().CreateDbContext();

    public async Task ExecuteAsync(string sql)
    {
        await using var context = CreateContext();
        await using var command = await CreateCommandAsync(context, sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Each row as its columns' values joined by spaces.</summary>
    public async Task<List<string>> QueryAsync(string sql)
    {
        await using var context = CreateContext();
        await using var command = await CreateCommandAsync(context, sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i)));
            rows.Add(string.Join(' ', values));
        }

        return rows;
    }

    public async Task<List<string>> TablesAsync() => await QueryAsync(Provider == StorageProvider.Sqlite
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(Options.DataDirectory))
            {
                Directory.Delete(Options.DataDirectory, recursive: true);
            }
        }
    }

    private static async Task<DbCommand> CreateCommandAsync(SwitchboardDbContext context, string sql)
    {
        await context.Database.OpenConnectionAsync();
        var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
