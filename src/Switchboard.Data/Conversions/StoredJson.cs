using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Data.Conversions;

/// <summary>
/// The JSON form of value objects kept in a text column: camelCase, enums by name, and the <c>type</c>
/// discriminators declared on the domain's polymorphic records.
/// </summary>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"A stored {typeof(T).Name} is JSON null.");

    public static bool AreEqual<T>(T left, T right) => Serialize(left) == Serialize(right);

    public static int HashOf<T>(T value) => Serialize(value).GetHashCode(StringComparison.Ordinal);

    /// <summary>A deep copy, so that a change made inside a stored list is noticed when the context saves.</summary>
    public static T Copy<T>(T value) => value is null ? value : Deserialize<T>(Serialize(value));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
