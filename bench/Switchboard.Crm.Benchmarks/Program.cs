using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Switchboard.Crm.Benchmarks;
using Switchboard.Data;
using Switchboard.Data.Migrations;

// Seeds a fresh database with contacts and times the CRM's identification and searches on it.
// Usage: dotnet run -c Release --project bench/Switchboard.Crm.Benchmarks -- sqlite|postgres [contacts] [runs] [keep]
// PostgreSQL: the server comes from SWITCHBOARD_TEST_POSTGRES; a database is created for the run and dropped after,
// unless "keep" is given (then the SQLite file or the database is left for EXPLAIN, and named at the end).
if (args.Length == 0 || args[0] is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("Usage: Switchboard.Crm.Benchmarks sqlite|postgres [contacts, default 1000000] [runs, default 21] [keep]");
    return 2;
}

var provider = args[0] == "sqlite" ? StorageProvider.Sqlite : StorageProvider.Postgres;
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 21;
var keep = args.Length > 3 && args[3] == "keep";
var cancellationToken = CancellationToken.None;

var dataDirectory = Directory.CreateTempSubdirectory("switchboard-crm-bench-");
var serverConnectionString = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_POSTGRES");
var databaseName = $"switchboard_crm_bench_{Guid.NewGuid():N}";
string? postgres = null;
if (provider == StorageProvider.Postgres)
{
    if (string.IsNullOrWhiteSpace(serverConnectionString))
    {
        Console.Error.WriteLine("Set SWITCHBOARD_TEST_POSTGRES to a connection string of a role that may create databases.");
        return 2;
    }

    await ExecuteOnServerAsync($"CREATE DATABASE \"{databaseName}\"");
    postgres = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;
}

try
{
    var options = new StorageOptions { DataDirectory = dataDirectory.FullName, PostgresConnectionString = postgres };
    await using var services = new ServiceCollection().AddSwitchboardStorage(options).BuildServiceProvider();
    await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);

    var vipLabelId = Guid.CreateVersion7();
    IContactSeeder seeder = provider == StorageProvider.Sqlite
        ? new SqliteSeeder($"Data Source={options.SqliteFilePath}")
        : new PostgresSeeder(postgres!);
    var seeding = TimeProvider.System.GetTimestamp();
    await seeder.SeedAsync(count, vipLabelId, cancellationToken);
    Console.WriteLine($"Seeded {count:N0} contacts into {provider} in {TimeProvider.System.GetElapsedTime(seeding).TotalSeconds:F0} s.");
    Console.WriteLine();
    Console.WriteLine($"| Query ({provider}, {count:N0} contacts, median of {runs}) | Matches | Median | 90th percentile |");
    Console.WriteLine("|---|---:|---:|---:|");

    var timer = new QueryTimer(services.GetRequiredService<IDbContextFactory<SwitchboardDbContext>>(), runs);
    foreach (var query in BenchQueries.For(count, vipLabelId))
    {
        var (matches, median, p90) = await timer.MeasureAsync(query, cancellationToken);
        Console.WriteLine($"| {query.Name} | {matches:N0} | {Milliseconds(median)} | {Milliseconds(p90)} |");
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (keep)
        Console.WriteLine($"Kept: {(postgres is null ? Path.Combine(dataDirectory.FullName, StorageOptions.SqliteFileName) : databaseName)}");
    else
    {
        if (postgres is not null)
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        dataDirectory.Delete(recursive: true);
    }
}

return 0;

static string Milliseconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:F1} ms");

async Task ExecuteOnServerAsync(string sql)
{
    await using var connection = new NpgsqlConnection(serverConnectionString);
    await connection.OpenAsync(cancellationToken);
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync(cancellationToken);
}
