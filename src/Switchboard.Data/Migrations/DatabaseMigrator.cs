using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Switchboard.Data.Migrations;

/// <summary>
/// Brings the database's schema up to the version this code knows by applying the provider's embedded scripts in
/// order, each in its own transaction, and recording them in <c>schema_migrations</c>. Run at start-up; running it
/// again changes nothing. A database upgraded by a newer release is refused rather than used.
/// </summary>
public sealed partial class DatabaseMigrator
{
    // Any fixed number works as long as every node uses the same one; this one spells "SwtchbDB".
    private const long PostgresLockKey = 0x5377_7463_6862_4442;

    private readonly IDbContextFactory<SwitchboardDbContext> _contexts;
    private readonly StorageProvider _provider;
    private readonly TimeProvider _time;
    private readonly ILogger<DatabaseMigrator> _logger;
    private readonly IReadOnlyList<MigrationScript> _scripts;

    public DatabaseMigrator(
        IDbContextFactory<SwitchboardDbContext> contexts,
        StorageOptions storage,
        TimeProvider time,
        ILogger<DatabaseMigrator> logger)
    {
        _contexts = contexts;
        _provider = storage.Provider;
        _time = time;
        _logger = logger;
        _scripts = MigrationScripts.For(_provider);
    }

    /// <summary>The schema version this code expects: the number of its scripts.</summary>
    public int LatestVersion => _scripts.Count;

    public Task MigrateAsync(CancellationToken cancellationToken) => MigrateToAsync(LatestVersion, cancellationToken);

    /// <summary>Applies the scripts up to <paramref name="targetVersion"/> only; tests use it to build an older database.</summary>
    internal async Task MigrateToAsync(int targetVersion, CancellationToken cancellationToken)
    {
        await using var context = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var connection = context.Database.GetDbConnection();

        if (_provider == StorageProvider.Sqlite)
        {
            // Write-ahead logging lets readers go on while a writer commits; the setting stays with the file.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            await ApplyPendingAsync(connection, targetVersion, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Nodes starting together on one PostgreSQL take turns; the later ones find nothing left to do.
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey});", cancellationToken).ConfigureAwait(false);
        try
        {
            await ApplyPendingAsync(connection, targetVersion, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey});", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ApplyPendingAsync(DbConnection connection, int targetVersion, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, HistoryTableSql, cancellationToken).ConfigureAwait(false);
        bool applied;
        do
        {
            applied = await ApplyNextAsync(connection, targetVersion, cancellationToken).ConfigureAwait(false);
        }
        while (applied);
    }

    /// <summary>Applies the step after the database's current version, if it is wanted; false when there is none.</summary>
    private async Task<bool> ApplyNextAsync(DbConnection connection, int targetVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {current}, but this Switchboard knows versions up to {LatestVersion} only: " +
                "the database was upgraded by a newer release. Run that release (or a newer one) against it, " +
                "or restore a backup taken before the upgrade.");
        }

        if (current >= targetVersion)
        {
            return false;
        }

        var script = _scripts[current];
        await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
        await RecordAsync(connection, transaction, script, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogApplied(script.Version, script.Name, _provider);
        return true;
    }

    private string HistoryTableSql => _provider == StorageProvider.Sqlite
        ? """
          CREATE TABLE IF NOT EXISTS schema_migrations (
              version INTEGER NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY,
              name TEXT NOT NULL,
              applied_at TEXT NOT NULL
          );
          """
        : """
          CREATE TABLE IF NOT EXISTS schema_migrations (
              version integer NOT NULL CONSTRAINT pk_schema_migrations PRIMARY KEY,
              name text NOT NULL,
              applied_at timestamp with time zone NOT NULL
          );
          """;

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;";
        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(version, CultureInfo.InvariantCulture);
    }

    private async Task RecordAsync(DbConnection connection, DbTransaction transaction, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt);";
        AddParameter(command, "@version", script.Version);
        AddParameter(command, "@name", script.Name);
        AddParameter(command, "@appliedAt", _time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name}) on {Provider}")]
    private partial void LogApplied(int version, string name, StorageProvider provider);
}
