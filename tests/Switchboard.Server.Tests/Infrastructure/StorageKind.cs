namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>The database a test's server stores its configuration in.</summary>
public enum StorageKind
{
    Sqlite,
    Postgres,
}
