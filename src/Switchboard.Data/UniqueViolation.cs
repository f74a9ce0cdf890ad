using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Switchboard.Data;

/// <summary>
/// Recognizes a save the database refused because a unique index already holds the key: what a check-then-save
/// loses when another request saved the same name between the check and the save.
/// </summary>
public static class UniqueViolation
{
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT_UNIQUE,
        _ => false,
    };
}
