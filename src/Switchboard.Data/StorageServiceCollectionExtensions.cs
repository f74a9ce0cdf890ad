using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Data.Migrations;

namespace Switchboard.Data;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SwitchboardDbContext"/> (scoped, and through <see cref="IDbContextFactory{TContext}"/>),
    /// the <see cref="DatabaseMigrator"/> to run at start-up, and <paramref name="options"/> itself, whose
    /// <see cref="StorageOptions.Provider"/> tells which database is in use.
    /// </summary>
    public static IServiceCollection AddSwitchboardStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        // Interceptors the host registers (it learns of saved changes through them) see every context's saves.
        services.AddDbContextFactory<SwitchboardDbContext>((provider, builder) =>
        {
            UseDatabase(builder, options);
            builder.AddInterceptors(provider.GetServices<IInterceptor>());
        });
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    private static void UseDatabase(DbContextOptionsBuilder builder, StorageOptions options)
    {
        if (options.Provider == StorageProvider.Postgres)
        {
            builder.UseNpgsql(options.PostgresConnectionString);
            return;
        }

        Directory.CreateDirectory(options.DataDirectory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.SqliteFilePath,
            ForeignKeys = true,
        };
        builder.UseSqlite(connectionString.ToString());
    }
}
