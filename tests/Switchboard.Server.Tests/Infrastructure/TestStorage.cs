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

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
