namespace Switchboard.Data;

/// <summary>Where configuration is stored: PostgreSQL when a connection string is given, else a SQLite file.</summary>
public sealed class StorageOptions
{
    public const string SqliteFileName = "switchboard.db";

    /// <summary>The node's data directory; holds the SQLite file when PostgreSQL is not used.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Npgsql connection string; null or blank selects SQLite.</summary>
    public string? PostgresConnectionString { get; init; }

    public StorageProvider Provider =>
        string.IsNullOrWhiteSpace(PostgresConnectionString) ? StorageProvider.Sqlite : StorageProvider.Postgres;

    public string SqliteFilePath => Path.Combine(DataDirectory, SqliteFileName);
}
