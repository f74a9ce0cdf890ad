using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Switchboard.Data.Configurations;

/// <summary>
/// Marks a unique index on a name the admin services compare ignoring case. The migration scripts build such an
/// index ignoring case (SQLite: <c>COLLATE NOCASE</c>; PostgreSQL: on <c>lower(column)</c>), which Entity Framework's
/// model cannot say; the mark lets the schema test expect it.
/// </summary>
internal static class CaseInsensitiveIndex
{
    public const string Annotation = "Switchboard:IgnoresCase";

    public static IndexBuilder<T> IgnoringCase<T>(this IndexBuilder<T> index) => index.HasAnnotation(Annotation, true);
}
