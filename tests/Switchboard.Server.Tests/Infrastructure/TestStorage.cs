using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Switchboard.Testing;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A data directory, and for PostgreSQL a fresh database, that outlive the servers started on them: a test can stop
/// its server and start another on the same storage to see what survives a restart. Removed on dispose.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;

    private TestStorage(StorageKind kind, string dataDirectory, PostgresTestDatabase? postgres)
    {
        Kind = kind;
        DataDirectory = dataDirectory;
        _postgres = postgres;
    }

    public StorageKind Kind { get; }

    /// <summary>The server's Switchboard:DataDirectory (sound files, and the SQLite file on SQLite).</summary>
    public string DataDirectory { get; }

    /// <summary>The server's ConnectionStrings:Postgres; null on SQLite.</summary>
    public string? PostgresConnectionString => _postgres?.ConnectionString;

    public static async Task<TestStorage> CreateAsync(StorageKind kind, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "switchboard-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var postgres = kind == StorageKind.Postgres ? await PostgresTestDatabase.CreateAsync(cancellationToken) : null;
        return new TestStorage(kind, dataDirectory, postgres);
    }

    /// <summary>The first column of every row <paramref name="sql"/> selects, read straight from the database as anyone holding a copy of it could.</summary>
    public async Task<IReadOnlyList<string>> ReadColumnAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>Runs <paramref name="sql"/> straight on the database, e.g. to write a row as an older version did.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private DbConnection Connect() => _postgres is null
        ? new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "switchboard.db")};Pooling=False")
        : new NpgsqlConnection(_postgres.ConnectionString);
}
