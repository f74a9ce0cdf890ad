using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Switchboard.Server.Api;

/// <summary>
/// A serializer modifier: an object of an abstract base type (a scenario action, condition or outcome) that comes
/// without its discriminator fails as unreadable JSON at its own path, instead of the serializer's "abstract types
/// are not supported", which is a server error to the client.
/// </summary>
public static class TypeDiscriminatorRequirement
{
    public static void Apply(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !info.Type.IsAbstract || info.CreateObject is not null)
            return;
        if (info.PolymorphismOptions is not { DerivedTypes.Count: > 0 } polymorphism)
            return;
        var name = polymorphism.TypeDiscriminatorPropertyName;
        info.CreateObject = () => throw new JsonException($"The \"{name}\" is missing.");
    }
}
