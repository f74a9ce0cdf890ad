using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Server.AcdHosting;

/// <summary>How ACD events are written, on the events socket and in the queue event log: the API's camelCase JSON.</summary>
public static class AcdEventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
