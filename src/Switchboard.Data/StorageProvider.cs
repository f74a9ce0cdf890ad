namespace Switchboard.Data;

/// <summary>The database engine configuration is stored in.</summary>
public enum StorageProvider
{
    /// <summary>An embedded file in the data directory: the single-node default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, which several nodes may share.</summary>
    Postgres,
}
