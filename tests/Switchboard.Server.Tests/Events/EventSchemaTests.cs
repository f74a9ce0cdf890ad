using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Json.Schema;
using Switchboard.Domain.Acd;
using Switchboard.Server.Events;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Telephony;

namespace Switchboard.Server.Tests.Events;

/// <summary>
/// The events socket's schema, as an integrator reads it from <c>GET /api/v1/events/schema</c> and docs/events.md:
/// it holds every message the server sends, no looser than they are, and the document describes every field.
/// </summary>
public sealed partial class EventSchemaTests() : SwitchboardTest(StorageKind.Sqlite)
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Queue = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly Guid Call = Guid.Parse("0193a1b2-0000-7000-8000-000000000002");
    private static readonly Guid Agent = Guid.Parse("0193a1b2-0000-7000-8000-000000000003");

    /// <summary>One message of each type, every fact known; and those with facts that may be unknown, without them.</summary>
    private static readonly EventMessage[] Samples =
    [
        new CallEnteredQueueMessage(At, Queue, Call, 2, 1),
        new CallOfferedMessage(At, Queue, Call, Agent, 7),
        new OfferRefusedMessage(At, Queue, Call, Agent, 7),
        new OfferNotAnsweredMessage(At, Queue, Call, Agent, 7),
        new OfferCancelledMessage(At, Queue, Call, Agent, 7, OfferCancelReason.AnsweredElsewhere),
        new OfferAnsweredMessage(At, Queue, Call, Agent, 7, CallOutcome.Answered, 12.345),
        new CallAbandonedMessage(At, Queue, Call, CallOutcome.Abandoned, 3.2),
        new CallTimedOutMessage(At, Queue, Call, CallOutcome.TimedOut, 300),
        new CallWithdrawnMessage(At, Queue, Call, CallOutcome.QueueRemoved, 4),
        new CallRefusedMessage(At, Queue, Call, CallOutcome.RefusedQueueFull, 0, RefusalReason.QueueFull),
        new AgentStatusChangedMessage(At, Agent, AgentStatus.BackSoon, StatusChangeReason.Chosen),
        new AgentActivityChangedMessage(At, Agent, AgentActivity.WrapUp),
        new AgentReachabilityChangedMessage(At, Agent, true),
        new CallRingingMessage(At, Call, Agent, Queue, 7, "+14155550123", "Ada Lovelace", "Sales", 20, At.AddSeconds(-12), true),
        new CallRingingMessage(At, Call, Agent, null, null, null, null, null, 30, null, false),
        new RingingStoppedMessage(At, Call, Agent, RingingStopReason.CallerHungUp),
        new CallConnectedMessage(At, Call, Agent),
        new CallHeldMessage(At, Call, Agent, true),
        new CallLeftMessage(At, Call, Agent, UserLeftReason.Transferred),
        new CallFinishedMessage(At, Call, Agent, CallResult.AnsweredFromQueue),
        new ServerStoppingMessage(At),
    ];

    [Fact]
    public async Task Every_message_the_server_sends_is_valid_by_the_published_schema()
    {
        var schema = await PublishedSchemaAsync();

        Assert.Equal(
            TypeNames().Order(StringComparer.Ordinal),
            Samples.Select(sample => TypeOf(Serialize(sample))).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Samples, sample =>
        {
            var json = Serialize(sample);
            var result = schema.Evaluate(json, Evaluation);
            Assert.True(result.IsValid, $"{json.GetRawText()} is not valid: {Errors(result)}");
        });
    }

    [Theory]
    [InlineData("""{"type":"agentStatusChanged","at":"2026-12-07T09:30:00+00:00","agentId":"0193a1b2-0000-7000-8000-000000000003","status":"asleep","reason":"chosen"}""")]
    [InlineData("""{"type":"callOffered","at":"2026-12-07T09:30:00+00:00","queueId":"0193a1b2-0000-7000-8000-000000000001","agentId":"0193a1b2-0000-7000-8000-000000000003","offerId":7}""")]
    [InlineData("""{"type":"callHeld","at":"2026-12-07T09:30:00+00:00","callId":"0193a1b2-0000-7000-8000-000000000002","agentId":"not-a-uuid","held":true}""")]
    [InlineData("""{"type":"callRinging","at":"2026-12-07T09:30:00+00:00","callId":"0193a1b2-0000-7000-8000-000000000002","agentId":"0193a1b2-0000-7000-8000-000000000003","ringSeconds":"20","webphone":true}""")]
    [InlineData("""{"type":"callMeMaybe","at":"2026-12-07T09:30:00+00:00"}""")]
    public async Task A_message_unlike_any_the_server_sends_is_not(string message)
    {
        var schema = await PublishedSchemaAsync();

        using var json = JsonDocument.Parse(message);
        Assert.False(schema.Evaluate(json.RootElement, Evaluation).IsValid);
    }

    [Fact]
    public async Task The_schema_is_only_for_signed_in_users()
    {
        using var anonymous = await ClientAsync(Actor.Anonymous);

        using var answer = await anonymous.GetAsync("/api/v1/events/schema", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public void The_document_describes_every_message_and_every_field()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "events.md"));
        var sections = Heading().Split(document).Skip(1).Chunk(2).ToDictionary(pair => pair[0], pair => pair[1]);

        foreach (var alternative in EventSchema.Build()["anyOf"]!.AsArray())
        {
            var properties = alternative!["properties"]!.AsObject();
            var type = properties["type"]!["const"]!.GetValue<string>();
            Assert.True(sections.TryGetValue(type, out var section), $"docs/events.md has no section \"### `{type}`\".");
            foreach (var (name, _) in properties.Where(property => property.Key is not ("type" or "at")))
                Assert.True(section.Contains($"`{name}`", StringComparison.Ordinal), $"docs/events.md does not describe `{name}` of `{type}`.");
        }
    }

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private async Task<JsonSchema> PublishedSchemaAsync()
    {
        using var agent = await ClientAsync(Actor.Agent);
        using var answer = await agent.GetAsync("/api/v1/events/schema", Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/schema+json", answer.Content.Headers.ContentType?.MediaType);
        return JsonSchema.FromText(await answer.Content.ReadAsStringAsync(Ct));
    }

    private static JsonElement Serialize(EventMessage message) => JsonSerializer.SerializeToElement(message, EventJson.Options);

    private static string TypeOf(JsonElement message) => message.GetProperty("type").GetString()!;

    private static IEnumerable<string> TypeNames() =>
        typeof(EventMessage).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(derived => (string)derived.TypeDiscriminator!);

    private static string Errors(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}")));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Switchboard.slnx")))
                return directory.FullName;
        }

        throw new InvalidOperationException("The tests do not run inside the repository.");
    }

    [GeneratedRegex(@"^### `([A-Za-z]+)`\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
