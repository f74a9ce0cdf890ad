using Npgsql;
using Xunit;

namespace Switchboard.Testing;

/// <summary>
/// A freshly created, uniquely named PostgreSQL database, dropped again on dispose. The server to create it on is
/// given by the environment variable <c>SWITCHBOARD_TEST_POSTGRES</c>; without it the test fails and says so.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "SWITCHBOARD_TEST_POSTGRES";

    private readonly string _serverConnectionString;
    private readonly string _name;

    private PostgresTestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Connects to the new, empty database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var serverConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            Assert.Fail(
                $"This test needs PostgreSQL. Set {EnvironmentVariable} to a connection string of a role that may create " +
                "databases (e.g. \"Host=127.0.0.1;Username=switchboard;Password=switchboard;Database=postgres\"), " +
                "or run ./test.sh, which starts PostgreSQL and sets it.");
        }

        var database = new PostgresTestDatabase(serverConnectionString, $"switchboard_test_{Guid.NewGuid():N}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database._name}\"", cancellationToken).ConfigureAwait(false);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled idle connections would otherwise keep the database busy; FORCE ends any a test left open.
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE may not end a backend it does not own (an autovacuum worker that just started on the database, seen
        // under load: 42501); that one ends by itself, so try again a few times before failing the test.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt)).ConfigureAwait(false);
            }
        }
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_serverConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
