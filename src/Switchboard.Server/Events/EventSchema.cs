using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Switchboard.Server.Events;

/// <summary>
/// The JSON Schema of the events socket's messages (<c>GET /api/v1/events/schema</c>), made from the message types
/// themselves so that it never tells something else than what is sent: one alternative per <c>type</c>, each with its
/// typed fields, which of them are always there, and the values of every enumeration.
/// </summary>
public static class EventSchema
{
    private static readonly Lazy<string> Json = new(() => Build().ToJsonString());

    /// <summary>The schema as JSON text, made once.</summary>
    public static string Text => Json.Value;

    public static JsonObject Build()
    {
        var schema = EventJson.Options.GetJsonSchemaAsNode(typeof(EventMessage)).AsObject();
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.Insert(1, "title", "Switchboard events socket message");
        // A message is never null, and a fact not known is left out rather than sent as null: what may be null in
        // C# is optional on the wire.
        schema["type"] = "object";
        foreach (var alternative in schema["anyOf"]!.AsArray().Select(node => node!.AsObject()))
        {
            var properties = alternative["properties"]!.AsObject();
            var required = alternative["required"]!.AsArray();
            foreach (var optional in required.Where(name => MayBeNull(properties[name!.GetValue<string>()]!)).ToList())
                required.Remove(optional);
        }

        return schema;
    }

    private static bool MayBeNull(JsonNode property) =>
        property["type"] is JsonArray types && types.Any(type => type?.GetValue<string>() == "null");
}
