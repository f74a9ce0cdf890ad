namespace Switchboard.Data.Tests;

public class StorageOptionsTests
{
    [Fact]
    public void A_blank_postgres_connection_string_means_sqlite_in_the_data_directory()
    {
        var options = new StorageOptions { DataDirectory = "data", PostgresConnectionString = " " };

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal(Path.Combine("data", "switchboard.db"), options.SqliteFilePath);
    }

    [Fact]
    public void A_postgres_connection_string_means_postgres()
    {
        var options = new StorageOptions { DataDirectory = "data", PostgresConnectionString = "Host=db;Database=switchboard" };

        Assert.Equal(StorageProvider.Postgres, options.Provider);
    }
}
