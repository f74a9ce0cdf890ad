using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Scenarios;

public abstract class ScenarioApiTests(StorageKind storage) : SwitchboardTest(storage)
{
    [Fact]
    public async Task Scenario_is_created_with_its_ordered_actions_changed_and_deleted()
    {
        using var client = await ClientAsync(Actor.Admin);
        var queue = await ConfigurationApi.CreateAsync<QueueView>(client, "/api/v1/queues", new { name = "Support" }, Ct);

        var created = await ConfigurationApi.CreateAsync<ScenarioView>(
            client,
            "/api/v1/scenarios",
            new
            {
                name = "Main",
                actions = new object[]
                {
                    new { type = "condition", when = new { type = "callerNumber", pattern = "+4420*" }, then = new { type = "skipTo", actionIndex = 2 } },
                    new { type = "queue", queueId = queue.Id, priority = 3 },
                    new { type = "forward", destination = "+14155550123" },
                },
            },
            Ct);
        Assert.Equal(
            [
                new ConditionAction(new CallerNumberCondition("+4420*"), new SkipToOutcome(2)),
                new QueueAction(queue.Id, 3),
                new ForwardAction("+14155550123"),
            ],
            created.Actions);
        Assert.Empty(created.Issues);

        using var updated = await client.PutAsJsonAsync(
            $"/api/v1/scenarios/{created.Id}",
            new { name = "Main line", actions = new object[] { new { type = "setVariable", name = "lang", value = "fr" }, new { type = "queue", queueId = queue.Id } } },
            TestJson.Options,
            Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var fetched = await client.GetFromJsonAsync<ScenarioView>($"/api/v1/scenarios/{created.Id}", TestJson.Options, Ct);
        Assert.Equal("Main line", fetched!.Name);
        Assert.Equal([new SetVariableAction("lang", "fr"), new QueueAction(queue.Id)], fetched.Actions);
        var listed = await client.GetFromJsonAsync<List<ScenarioView>>("/api/v1/scenarios", TestJson.Options, Ct);
        Assert.Equal(["Main line"], listed!.Select(scenario => scenario.Name));

        using var deleted = await client.DeleteAsync($"/api/v1/scenarios/{created.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/v1/scenarios/{created.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Scenario_sending_calls_to_a_missing_queue_is_refused_on_that_action()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync(
            "/api/v1/scenarios",
            new { name = "Main", actions = new object[] { new { type = "queue", queueId = Guid.NewGuid() }, new { type = "hangup" } } },
            TestJson.Options,
            Ct);

        var messages = await ConfigurationApi.FieldErrorAsync(response, "actions[0].queueId", Ct);
        Assert.Equal(["Action 1 (Send to queue): queue not found"], messages);
    }

    [Fact]
    public async Task A_bad_seventh_action_is_refused_under_its_api_field_and_named_action_7()
    {
        using var client = await ClientAsync(Actor.Admin);
        var actions = Enumerable.Range(0, 6).Select(_ => (object)new { type = "setVariable", name = "lang", value = "en" })
            .Append(new { type = "queue", queueId = Guid.Empty })
            .ToArray();

        using var response = await client.PostAsJsonAsync("/api/v1/scenarios", new { name = "Seven", actions }, TestJson.Options, Ct);

        var messages = await ConfigurationApi.FieldErrorAsync(response, "actions[6].queueId", Ct);
        Assert.Equal(["Action 7 (Send to queue): choose a queue"], messages);
    }

    [Fact]
    public async Task Going_to_a_scenario_that_goes_back_is_refused_as_a_loop()
    {
        using var client = await ClientAsync(Actor.Admin);
        var first = await ConfigurationApi.CreateAsync<ScenarioView>(client, "/api/v1/scenarios", new { name = "First", actions = new[] { new { type = "hangup" } } }, Ct);
        var second = await ConfigurationApi.CreateAsync<ScenarioView>(client, "/api/v1/scenarios", new { name = "Second", actions = new[] { GoTo(first.Id) } }, Ct);

        using var response = await client.PutAsJsonAsync($"/api/v1/scenarios/{first.Id}", new { name = "First", actions = new[] { GoTo(second.Id) } }, TestJson.Options, Ct);

        var messages = await ConfigurationApi.FieldErrorAsync(response, "actions[0].then.scenarioId", Ct);
        Assert.Contains("loops back", messages[0]);
    }

    [Fact]
    public async Task Unreachable_action_is_saved_with_a_warning_beside_it()
    {
        using var client = await ClientAsync(Actor.Admin);

        var created = await ConfigurationApi.CreateAsync<ScenarioView>(
            client,
            "/api/v1/scenarios",
            new { name = "Main", actions = new object[] { new { type = "hangup" }, new { type = "setVariable", name = "lang", value = "en" } } },
            Ct);

        var issue = Assert.Single(created.Issues);
        Assert.Equal((1, "actions[1]", IssueSeverity.Warning), (issue.ActionIndex, issue.Field, issue.Severity));
        var fetched = await client.GetFromJsonAsync<ScenarioView>($"/api/v1/scenarios/{created.Id}", TestJson.Options, Ct);
        Assert.Equal(created.Issues, fetched!.Issues);
    }

    [Fact]
    public async Task Draft_is_checked_without_being_saved()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync(
            "/api/v1/scenarios/validation",
            new { name = "Draft", actions = new object[] { new { type = "playSound", soundId = Guid.NewGuid() } } },
            TestJson.Options,
            Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issues = await response.Content.ReadFromJsonAsync<List<ValidationIssue>>(TestJson.Options, Ct);
        Assert.Equal([new ValidationIssue(0, "actions[0].soundId", IssueSeverity.Error, "Sound not found") { Subject = "Action 1 (Play sound)" }], issues);
        var listed = await client.GetFromJsonAsync<List<ScenarioView>>("/api/v1/scenarios", TestJson.Options, Ct);
        Assert.Empty(listed!);
    }

    [Fact]
    public async Task Scenario_a_number_runs_or_another_scenario_goes_to_cannot_be_deleted()
    {
        using var client = await ClientAsync(Actor.Admin);
        var target = await ConfigurationApi.CreateAsync<ScenarioView>(client, "/api/v1/scenarios", new { name = "After hours", actions = new[] { new { type = "hangup" } } }, Ct);
        await ConfigurationApi.CreateAsync<ScenarioView>(client, "/api/v1/scenarios", new { name = "Main", actions = new[] { GoTo(target.Id) } }, Ct);
        await ConfigurationApi.CreateAsync<NumberView>(client, "/api/v1/numbers", new { number = "+14155550123", label = "Sales", scenarioId = target.Id }, Ct);

        using var response = await client.DeleteAsync($"/api/v1/scenarios/{target.Id}", Ct);

        var (detail, usages) = await ConfigurationApi.InUseAsync(response, Ct);
        Assert.Equal(["Number +14155550123 'Sales'", "Scenario 'Main', Action 1 (Condition)"], usages);
        Assert.Contains("+14155550123", detail);
    }

    [Fact]
    public async Task Scenario_testing_queue_load_is_saved_and_keeps_its_queue_from_being_deleted()
    {
        using var client = await ClientAsync(Actor.Admin);
        var queue = await ConfigurationApi.CreateAsync<QueueView>(client, "/api/v1/queues", new { name = "Support" }, Ct);

        var created = await ConfigurationApi.CreateAsync<ScenarioView>(
            client,
            "/api/v1/scenarios",
            new
            {
                name = "Main",
                actions = new object[]
                {
                    new { type = "condition", when = new { type = "queueLoad", queueId = queue.Id, waitingCallsAtLeast = 5 }, then = new { type = "skipTo", actionIndex = 2 } },
                    new { type = "condition", when = new { type = "queueLoad", queueId = queue.Id, estimatedWaitSecondsAtLeast = 120, negate = true }, then = new { type = "continue" } },
                    new { type = "queue", queueId = queue.Id },
                },
            },
            Ct);
        var fetched = await client.GetFromJsonAsync<ScenarioView>($"/api/v1/scenarios/{created.Id}", TestJson.Options, Ct);
        Assert.Equal(
            [
                new ConditionAction(new QueueLoadCondition(queue.Id, WaitingCallsAtLeast: 5, EstimatedWaitSecondsAtLeast: null), new SkipToOutcome(2)),
                new ConditionAction(new QueueLoadCondition(queue.Id, WaitingCallsAtLeast: null, EstimatedWaitSecondsAtLeast: 120) { Negate = true }, new ContinueOutcome()),
                new QueueAction(queue.Id),
            ],
            fetched!.Actions);

        using var response = await client.DeleteAsync($"/api/v1/queues/{queue.Id}", Ct);

        var (detail, usages) = await ConfigurationApi.InUseAsync(response, Ct);
        Assert.Equal(["Scenario 'Main', Action 1 (Condition)", "Scenario 'Main', Action 2 (Condition)", "Scenario 'Main', Action 3 (Send to queue)"], usages);
        Assert.Contains("Scenario 'Main'", detail);
    }

    [Fact]
    public async Task Queue_load_test_without_a_threshold_is_refused_on_that_field()
    {
        using var client = await ClientAsync(Actor.Admin);
        var queue = await ConfigurationApi.CreateAsync<QueueView>(client, "/api/v1/queues", new { name = "Support" }, Ct);

        using var response = await client.PostAsJsonAsync(
            "/api/v1/scenarios",
            new { name = "Main", actions = new object[] { new { type = "condition", when = new { type = "queueLoad", queueId = queue.Id }, then = new { type = "hangup" } } } },
            TestJson.Options,
            Ct);

        var messages = await ConfigurationApi.FieldErrorAsync(response, "actions[0].when.waitingCallsAtLeast", Ct);
        Assert.Equal(["Action 1 (Condition): enter a number of waiting calls, an estimated wait, or both"], messages);
    }

    [Theory]
    [InlineData(Actor.Agent, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Only_admins_may_see_or_change_scenarios(Actor actor, HttpStatusCode expected)
    {
        using var client = await ClientAsync(actor);

        using var list = await client.GetAsync("/api/v1/scenarios", Ct);
        using var create = await client.PostAsJsonAsync("/api/v1/scenarios", new { name = "Main", actions = new[] { new { type = "hangup" } } }, TestJson.Options, Ct);

        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected, create.StatusCode);
    }

    private static object GoTo(Guid scenarioId) =>
        new { type = "condition", when = new { type = "variableEquals", name = "x", value = "1" }, then = new { type = "goToScenario", scenarioId } };

    [Fact]
    public async Task A_name_another_request_saved_but_for_case_after_the_check_is_refused_on_the_name_field()
    {
        await using var server = new RacingServer(Factory);
        using var client = await server.AdminClientAsync(Ct);
        server.SaveFirst(async (services, token) =>
            Assert.True((await services.GetRequiredService<ScenarioAdmin>().CreateAsync(new ScenarioInput("MAIN", [new HangupAction()]), token)).Succeeded));

        using var response = await client.PostAsJsonAsync("/api/v1/scenarios", new { name = "Main", actions = new object[] { new { type = "hangup" } } }, TestJson.Options, Ct);

        Assert.Equal(["A scenario named 'Main' already exists."], await ConfigurationApi.FieldErrorAsync(response, "name", Ct));
        var scenarios = await server.WithServicesAsync(services => services.GetRequiredService<ScenarioAdmin>().ListAsync(Ct));
        Assert.Equal(["MAIN"], scenarios.Select(scenario => scenario.Name));
    }
}

public sealed class ScenarioApiTests_on_sqlite() : ScenarioApiTests(StorageKind.Sqlite);

public sealed class ScenarioApiTests_on_postgres() : ScenarioApiTests(StorageKind.Postgres);
