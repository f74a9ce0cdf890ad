using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Numbers;

public abstract class NumberApiTests(StorageKind storage) : SwitchboardTest(storage)
{
    [Fact]
    public async Task Number_is_stored_in_E164_form_changed_and_deleted()
    {
        using var client = await ClientAsync(Actor.Admin);
        var main = await CreateScenarioAsync(client, "Main");
        var night = await CreateScenarioAsync(client, "Night");

        var created = await ConfigurationApi.CreateAsync<NumberView>(
            client, "/api/v1/numbers", new { number = "+1 (415) 555-0123", label = "Sales", scenarioId = main.Id }, Ct);
        Assert.Equal(("+14155550123", "Sales", main.Id, "Main"), (created.Number, created.Label, created.ScenarioId, created.ScenarioName));

        using var updated = await client.PutAsJsonAsync(
            $"/api/v1/numbers/{created.Id}", new { number = "0044 20 7946 0018", label = "London", scenarioId = night.Id }, TestJson.Options, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var fetched = await client.GetFromJsonAsync<NumberView>($"/api/v1/numbers/{created.Id}", TestJson.Options, Ct);
        Assert.Equal(new NumberView(created.Id, "+442079460018", "London", night.Id, "Night"), fetched);
        var listed = await client.GetFromJsonAsync<List<NumberView>>("/api/v1/numbers", TestJson.Options, Ct);
        Assert.Equal([fetched!], listed!);

        using var deleted = await client.DeleteAsync($"/api/v1/numbers/{created.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/v1/numbers/{created.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Number_not_in_international_form_is_refused_on_the_number_field()
    {
        using var client = await ClientAsync(Actor.Admin);
        var main = await CreateScenarioAsync(client, "Main");

        using var response = await client.PostAsJsonAsync("/api/v1/numbers", new { number = "415 555 0123", scenarioId = main.Id }, TestJson.Options, Ct);

        var messages = await ConfigurationApi.FieldErrorAsync(response, "number", Ct);
        Assert.Contains("international form", messages[0]);
    }

    [Fact]
    public async Task Number_already_taken_is_refused_saying_which_label_and_scenario_have_it()
    {
        using var client = await ClientAsync(Actor.Admin);
        var main = await CreateScenarioAsync(client, "Main");
        await ConfigurationApi.CreateAsync<NumberView>(client, "/api/v1/numbers", new { number = "+14155550123", label = "Sales", scenarioId = main.Id }, Ct);

        using var response = await client.PostAsJsonAsync("/api/v1/numbers", new { number = "+1-415-555-0123", scenarioId = main.Id }, TestJson.Options, Ct);

        var messages = await ConfigurationApi.FieldErrorAsync(response, "number", Ct);
        Assert.Equal(["+14155550123 is already labelled 'Sales' and bound to scenario 'Main'."], messages);
    }

    [Fact]
    public async Task Number_bound_to_a_missing_scenario_is_refused()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync("/api/v1/numbers", new { number = "+14155550123", scenarioId = Guid.NewGuid() }, TestJson.Options, Ct);

        await ConfigurationApi.FieldErrorAsync(response, "scenarioId", Ct);
    }

    [Theory]
    [InlineData(Actor.Agent, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Only_admins_may_see_or_change_numbers(Actor actor, HttpStatusCode expected)
    {
        using var client = await ClientAsync(actor);

        using var list = await client.GetAsync("/api/v1/numbers", Ct);
        using var create = await client.PostAsJsonAsync("/api/v1/numbers", new { number = "+14155550123", scenarioId = Guid.NewGuid() }, TestJson.Options, Ct);

        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected, create.StatusCode);
    }

    private Task<ScenarioView> CreateScenarioAsync(HttpClient client, string name) =>
        ConfigurationApi.CreateAsync<ScenarioView>(client, "/api/v1/scenarios", new { name, actions = new[] { new { type = "hangup" } } }, Ct);

    [Fact]
    public async Task A_number_another_request_saved_after_the_check_is_refused_on_the_number_field()
    {
        await using var server = new RacingServer(Factory);
        using var client = await server.AdminClientAsync(Ct);
        var scenario = await ConfigurationApi.CreateAsync<ScenarioView>(client, "/api/v1/scenarios", new { name = "Main", actions = new object[] { new { type = "hangup" } } }, Ct);
        server.SaveFirst(async (services, token) => Assert.True((await services.GetRequiredService<NumberAdmin>()
            .CreateAsync(new NumberInput("+14155550123", "Sales line", scenario.Id), token)).Succeeded));

        using var response = await client.PostAsJsonAsync("/api/v1/numbers", new { number = "+1 415 555 0123", scenarioId = scenario.Id }, TestJson.Options, Ct);

        Assert.Equal(["+14155550123 is already labelled 'Sales line' and bound to scenario 'Main'."], await ConfigurationApi.FieldErrorAsync(response, "number", Ct));
    }
}

public sealed class NumberApiTests_on_sqlite() : NumberApiTests(StorageKind.Sqlite);

public sealed class NumberApiTests_on_postgres() : NumberApiTests(StorageKind.Postgres);
