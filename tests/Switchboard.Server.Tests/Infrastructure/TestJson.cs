using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>The server's JSON conventions (camelCase, enums as camelCase strings), for reading and writing bodies.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
