namespace Switchboard.Data.Migrations;

/// <summary>One step of the schema (e.g. version 1, "configuration"), applied once per database in version order.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql);
