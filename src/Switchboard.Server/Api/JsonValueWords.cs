using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Switchboard.Server.Api;

/// <summary>What a value of a given type must look like, said to an API client, with the allowed values where there is a choice.</summary>
public static class JsonValueWords
{
    public const string Unknown = "This value is not valid here.";

    public static string MustBe(JsonSerializerOptions options, Type? expected)
    {
        if (expected is null)
            return Unknown;
        var type = Nullable.GetUnderlyingType(expected) ?? expected;
        if (JsonInputPath.Polymorphism(options, type) is { } polymorphism)
        {
            var kinds = polymorphism.DerivedTypes.Select(derived => derived.TypeDiscriminator?.ToString());
            return $"Must say what it is in \"{polymorphism.TypeDiscriminatorPropertyName}\", one of: {string.Join(", ", kinds)}.";
        }

        if (type.IsEnum)
        {
            var names = Enum.GetValues(type).Cast<object>().Select(value => JsonSerializer.Serialize(value, type, options).Trim('"'));
            return $"Must be one of: {string.Join(", ", names)}.";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char => "Must be text.",
            TypeCode.Boolean => "Must be true or false.",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "Must be a whole number.",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "Must be a number.",
            TypeCode.DateTime => "Must be a date and time, such as \"2026-12-24T09:00:00Z\".",
            _ => Other(options, type),
        };
    }

    private static string Other(JsonSerializerOptions options, Type type)
    {
        if (type == typeof(Guid))
            return "Must be an id, such as \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\".";
        if (type == typeof(TimeOnly))
            return "Must be a time of day, such as \"09:00\".";
        if (type == typeof(DateOnly))
            return "Must be a date, such as \"2026-12-24\".";
        if (type == typeof(DateTimeOffset))
            return "Must be a date and time, such as \"2026-12-24T09:00:00Z\".";
        if (type == typeof(TimeSpan))
            return "Must be a duration, such as \"00:30:00\".";
        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "Must be a list: [ ... ].",
            JsonTypeInfoKind.Dictionary => "Must be an object of names and values: { ... }.",
            JsonTypeInfoKind.Object => "Must be a JSON object: { ... }.",
            _ => Unknown,
        };
    }
}
