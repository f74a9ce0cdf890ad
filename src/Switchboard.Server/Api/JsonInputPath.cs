using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Switchboard.Server.Api;

/// <summary>
/// Where in a request body the serializer stopped, in a client's words (<c>actions[0].when.type</c>), and what the
/// value there should have been, found from the serializer's own view of the body's type.
/// </summary>
/// <param name="Field">The field as a client writes it; <c>body</c> for the body as a whole.</param>
/// <param name="Expected">The type the value should have had; null when the path leads nowhere known.</param>
public sealed record JsonInputPath(string Field, Type? Expected)
{
    public const string Body = "body";

    /// <summary>Follows <paramref name="jsonPath"/> (as in <see cref="JsonException.Path"/>, e.g. <c>$.actions[0].when</c>) from <paramref name="root"/>.</summary>
    public static JsonInputPath Resolve(JsonSerializerOptions options, Type? root, string? jsonPath)
    {
        var field = new StringBuilder();
        var current = root;
        foreach (var segment in Segments(jsonPath))
        {
            if (segment.Index is { } index)
            {
                field.Append('[').Append(index).Append(']');
                current = current is null ? null : Element(options, current);
                continue;
            }

            var polymorphic = current is null ? null : Polymorphism(options, current);
            if (field.Length > 0)
                field.Append('.');
            field.Append(segment.Name);
            // The discriminator itself: the error is about the choice of type.
            if (polymorphic is not null && string.Equals(segment.Name, polymorphic.TypeDiscriminatorPropertyName, StringComparison.OrdinalIgnoreCase))
                return new JsonInputPath(field.ToString(), current);
            current = current is null ? null : Member(options, current, segment.Name!);
        }

        if (current is not null && Polymorphism(options, current) is { } choice)
            return new JsonInputPath(Join(field, choice.TypeDiscriminatorPropertyName), current);
        return new JsonInputPath(field.Length == 0 ? Body : field.ToString(), current);
    }

    /// <summary>The polymorphism of <paramref name="type"/> when it is a base that needs a discriminator, else null.</summary>
    public static JsonPolymorphismOptions? Polymorphism(JsonSerializerOptions options, Type type)
    {
        var info = options.GetTypeInfo(Unwrap(type));
        return info.PolymorphismOptions is { DerivedTypes.Count: > 0 } polymorphism ? polymorphism : null;
    }

    private static string Join(StringBuilder field, string name) => field.Length == 0 ? name : $"{field}.{name}";

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static Type? Element(JsonSerializerOptions options, Type type)
    {
        var info = options.GetTypeInfo(Unwrap(type));
        return info.Kind == JsonTypeInfoKind.Enumerable ? info.ElementType : null;
    }

    private static Type? Member(JsonSerializerOptions options, Type type, string name)
    {
        var info = options.GetTypeInfo(Unwrap(type));
        if (info.Kind == JsonTypeInfoKind.Dictionary)
            return info.ElementType;
        if (info.Kind != JsonTypeInfoKind.Object)
            return null;
        if (Property(info, name) is { } own)
            return own;
        // A field of one of the derived types: the same name means the same kind of value in every one that has it.
        var candidates = (info.PolymorphismOptions?.DerivedTypes ?? [])
            .Select(derived => Property(options.GetTypeInfo(derived.DerivedType), name))
            .OfType<Type>()
            .Distinct()
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static Type? Property(JsonTypeInfo info, string name) =>
        info.Properties.FirstOrDefault(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;

    private static IEnumerable<(string? Name, int? Index)> Segments(string? jsonPath)
    {
        var path = jsonPath ?? "$";
        var at = path.StartsWith('$') ? 1 : 0;
        while (at < path.Length)
        {
            if (path[at] == '.')
            {
                var end = path.IndexOfAny(['.', '['], at + 1);
                end = end < 0 ? path.Length : end;
                yield return (path[(at + 1)..end], null);
                at = end;
            }
            else if (path[at] == '[' && at + 1 < path.Length && path[at + 1] == '\'')
            {
                var end = path.IndexOf("']", at + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                yield return (path[(at + 2)..end], null);
                at = Math.Min(end + 2, path.Length);
            }
            else if (path[at] == '[')
            {
                var end = path.IndexOf(']', at);
                end = end < 0 ? path.Length : end;
                yield return (null, int.TryParse(path.AsSpan(at + 1, end - at - 1), out var index) ? index : 0);
                at = Math.Min(end + 1, path.Length);
            }
            else
            {
                yield break;
            }
        }
    }
}
