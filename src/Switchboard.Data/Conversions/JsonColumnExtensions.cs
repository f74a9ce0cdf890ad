using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Switchboard.Data.Conversions;

internal static class JsonColumnExtensions
{
    /// <summary>Maps a value object to one JSON text column, compared by its JSON so in-place edits are saved.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) =>
        property.HasConversion(
            new ValueConverter<T, string>(
                value => StoredJson.Serialize(value),
                json => StoredJson.Deserialize<T>(json)),
            new ValueComparer<T>(
                (left, right) => StoredJson.AreEqual(left, right),
                value => StoredJson.HashOf(value),
                value => StoredJson.Copy(value)));
}
