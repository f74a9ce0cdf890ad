using System.Globalization;

namespace Switchboard.Server.Components.Shared;

/// <summary>
/// Reads the text fields of a posted form. Forms bind text, not typed values: a typed field that fails to bind
/// (an emptied number, an unpicked select) would silently drop its whole row, where text lets validation name it.
/// </summary>
public static class PostedValue
{
    public static string Of(Guid? id) => id?.ToString() ?? "";

    public static string Of(int? number) => number?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static Guid? Id(string? posted) => Guid.TryParse(posted, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The id, or <see cref="Guid.Empty"/> (which validation reports as not chosen).</summary>
    public static Guid IdOrEmpty(string? posted) => Id(posted) ?? Guid.Empty;

    public static int? Number(string? posted) =>
        int.TryParse(posted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The number, or -1 (which validation reports as out of range) when the field is empty or not a number.</summary>
    public static int NumberOrInvalid(string? posted) => Number(posted) ?? -1;
}
