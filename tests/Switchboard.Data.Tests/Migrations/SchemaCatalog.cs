namespace Switchboard.Data.Tests.Migrations;

/// <summary>
/// Describes a database's tables, columns, keys, indexes (with their columns' collations on SQLite) and foreign keys as sorted lines read from the engine's own
/// catalog, so two databases can be compared. The migrator's own history table is left out.
/// </summary>
internal static class SchemaCatalog
{
    private static readonly (string Kind, string Sql)[] SqliteQueries =
    [
        ("column", """
            SELECT m.name, c.name, c.type, CASE c."notnull" WHEN 1 THEN 'not null' ELSE 'null' END, 'pk#' || c.pk
            FROM sqlite_master AS m, pragma_table_info(m.name) AS c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations'
            """),
        ("index", """
            SELECT m.name, i.name, CASE i."unique" WHEN 1 THEN 'unique' ELSE 'non-unique' END,
                   (SELECT group_concat(name || ' ' || coll, ',') FROM (SELECT name, coll FROM pragma_index_xinfo(i.name) WHERE key = 1 ORDER BY seqno))
            FROM sqlite_master AS m, pragma_index_list(m.name) AS i
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations' AND i.origin = 'c'
            """),
        ("foreign key", """
            SELECT m.name, f."from", 'references', f."table", f."to", 'on delete', f.on_delete
            FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations'
            """),
    ];

    private static readonly (string Kind, string Sql)[] PostgresQueries =
    [
        ("column", """
            SELECT table_name, column_name, data_type, CASE is_nullable WHEN 'NO' THEN 'not null' ELSE 'null' END
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
            """),
        ("index", """
            SELECT tablename, indexdef
            FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
            """),
        ("constraint", """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
            """),
    ];

    public static async Task<List<string>> DescribeAsync(TestStorage storage)
    {
        var queries = storage.Provider == StorageProvider.Sqlite ? SqliteQueries : PostgresQueries;
        var lines = new List<string>();
        foreach (var (kind, sql) in queries)
        {
            lines.AddRange((await storage.QueryAsync(sql)).Select(row => $"{kind} {row}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
