using System.Net;
using System.Text;
using System.Text.Json;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Api;

/// <summary>
/// What an API client sees when its JSON cannot be read: a 400 problem with errors keyed by the field's path, in
/// words a user understands, with the allowed values where there is a choice; never a .NET type name.
/// </summary>
public sealed class JsonInputProblemTests() : SwitchboardTest(StorageKind.Sqlite)
{
    private const string Sound = "\"soundId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"";

    public static TheoryData<string, string, string, string> UnreadableBodies => new()
    {
        // url, body, the field the error is keyed by, a phrase its message holds
        { "/api/v1/queues", """{"name":"Support","strategy":"fastest"}""", "strategy", "longestIdle, roundRobin, ringAll" },
        { "/api/v1/queues", """{"name":"Support","priority":"high"}""", "priority", "whole number" },
        { "/api/v1/queues", """{"name":"Support","members":[{"userId":"nobody","level":1,"position":0}]}""", "members[0].userId", "id" },
        { "/api/v1/queues", """["Support"]""", "body", "object" },
        { "/api/v1/queues", "{\"name\":", "body", "not valid JSON" },
        { "/api/v1/scenarios", $$"""{"name":"Main","actions":[{{{Sound}}}]}""", "actions[0].type", "playSound, queue, callUser" },
        { "/api/v1/scenarios", """{"name":"Main","actions":[{"type":"dance"}]}""", "actions[0].type", "Action 1: must say what it is in \"type\", one of: playSound, queue, callUser" },
        { "/api/v1/scenarios", """{"name":"Main","actions":[{"type":"condition","when":{"pattern":"+44*"},"then":{"type":"hangup"}}]}""", "actions[0].when.type", "schedule, holiday, callerNumber" },
        { "/api/v1/scenarios", """{"name":"Main","actions":[{"type":"condition","when":{"type":"callerNumber","pattern":"+44*"},"then":{}}]}""", "actions[0].then.type", "continue, skipTo, goToScenario" },
        {
            "/api/v1/scenarios",
            """{"name":"Main","actions":[{"type":"condition","when":{"type":"schedule","timeZone":"Europe/Paris","hours":[{"days":["monday","funday"],"from":"09:00","to":"17:00"}]},"then":{"type":"hangup"}}]}""",
            "actions[0].when.hours[0].days[1]",
            "sunday, monday, tuesday"
        },
        {
            "/api/v1/scenarios",
            """{"name":"Main","actions":[{"type":"condition","when":{"type":"schedule","timeZone":"Europe/Paris","hours":[{"days":["monday"],"from":"nine","to":"17:00"}]},"then":{"type":"hangup"}}]}""",
            "actions[0].when.hours[0].from",
            "Action 1: must be a time of day"
        },
        { "/api/v1/users", """{"username":"carol","displayName":"Carol","role":"boss","password":"carol-password-1"}""", "role", "admin, supervisor, agent" },
        { "/api/v1/users", """{"username":"carol","displayName":"Carol","crmAccess":"yes","password":"carol-password-1"}""", "crmAccess", "true or false" },
        { "/api/v1/numbers", """{"number":"+442079460000","scenarioId":"main"}""", "scenarioId", "id" },
        { "/api/v1/trunks", """{"name":"Carrier","inboundAddresses":"192.0.2.10"}""", "inboundAddresses", "list" },
        { "/api/v1/trunks", """{"name":"Carrier","registration":{"registrar":"sip.example.net","username":"u","expiresSeconds":"soon"}}""", "registration.expiresSeconds", "whole number" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task Unreadable_body_is_a_400_naming_the_field_in_a_users_words(string url, string body, string field, string phrase)
    {
        using var client = await AdminOverHttpAsync();

        using var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        var messages = await ConfigurationApi.FieldErrorAsync(response, field, Ct);
        Assert.Contains(messages, message => message.Contains(phrase, StringComparison.Ordinal));
        AssertNoDotNetNames(text);
    }

    [Theory]
    [InlineData("/api/v1/queues")]
    [InlineData("/api/v1/scenarios")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/numbers")]
    [InlineData("/api/v1/trunks")]
    public async Task Empty_body_is_a_400_that_asks_for_one(string url)
    {
        using var client = await AdminOverHttpAsync();

        using var withType = await client.PostAsync(url, new StringContent("", Encoding.UTF8, "application/json"), Ct);
        using var withoutType = await client.PostAsync(url, new ByteArrayContent([]), Ct);
        using var jsonNull = await client.PostAsync(url, new StringContent("null", Encoding.UTF8, "application/json"), Ct);

        foreach (var response in new[] { withType, withoutType, jsonNull })
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            var messages = await ConfigurationApi.FieldErrorAsync(response, "body", Ct);
            Assert.Contains(messages, message => message.Contains("JSON object", StringComparison.Ordinal));
            AssertNoDotNetNames(text);
        }
    }

    [Fact]
    public async Task Body_in_another_format_is_a_415_that_names_json()
    {
        using var client = await AdminOverHttpAsync();

        using var response = await client.PostAsync("/api/v1/queues", new StringContent("name=Support", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType, Ct);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertNoDotNetNames(text);
    }

    private async Task<HttpClient> AdminOverHttpAsync()
    {
        Factory.OnLoopback();
        var client = await ClientAsync(Actor.Admin);
        Assert.NotEqual("localhost", client.BaseAddress?.Host);
        return client;
    }

    private static void AssertNoDotNetNames(string problem)
    {
        Assert.DoesNotContain("Switchboard.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Implicit body", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("parameter", problem, StringComparison.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(problem);
        Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("errors").ValueKind);
    }
}
