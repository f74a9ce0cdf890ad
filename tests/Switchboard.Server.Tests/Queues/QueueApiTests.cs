using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Queues;

public abstract class QueueApiTests(StorageKind storage) : SwitchboardTest(storage)
{
    private static readonly string[] UntrimmedDispositions = [" Sale ", "Callback requested", "No interest"];

    [Fact]
    public async Task Queue_is_created_with_its_members_changed_and_deleted()
    {
        using var client = await ClientAsync(Actor.Admin);
        var alice = await CreateAgentAsync("alice");
        var bob = await CreateAgentAsync("bob");

        using var created = await client.PostAsJsonAsync(
            "/api/v1/queues",
            new
            {
                name = "Support",
                strategy = "roundRobin",
                priority = 5,
                ringTimeoutSeconds = 15,
                maxWaitSeconds = 600,
                maxWaitingCalls = 20,
                wrapUpSeconds = 30,
                maxNoAnswer = 2,
                members = new[] { new { userId = alice, level = 1, position = 0 }, new { userId = bob, level = 2, position = 1 } },
            },
            TestJson.Options,
            Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var createdJson = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        Assert.Equal("roundRobin", createdJson.RootElement.GetProperty("strategy").GetString());
        var id = createdJson.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/queues/{id}", created.Headers.Location?.OriginalString);

        using var updated = await client.PutAsJsonAsync(
            $"/api/v1/queues/{id}",
            new
            {
                name = "Support desk",
                strategy = "ringAll",
                members = new[] { new { userId = bob, level = 1, position = 0 }, new { userId = alice, level = 3, position = 2 } },
            },
            TestJson.Options,
            Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var queue = await client.GetFromJsonAsync<QueueView>($"/api/v1/queues/{id}", TestJson.Options, Ct);
        Assert.Equal("Support desk", queue!.Name);
        Assert.Equal(QueueStrategy.RingAll, queue.Strategy);
        Assert.Equal(20, queue.RingTimeoutSeconds);
        Assert.Equal([new QueueMember(bob, 1, 0), new QueueMember(alice, 3, 2)], queue.Members);
        var listed = await client.GetFromJsonAsync<List<QueueView>>("/api/v1/queues", TestJson.Options, Ct);
        Assert.Equal(["Support desk"], listed!.Select(q => q.Name));

        using var deleted = await client.DeleteAsync($"/api/v1/queues/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/v1/queues/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Member_who_is_no_user_is_refused_on_that_member()
    {
        using var client = await ClientAsync(Actor.Admin);
        var alice = await CreateAgentAsync("alice");

        using var response = await client.PostAsJsonAsync(
            "/api/v1/queues",
            new { name = "Support", members = new[] { new { userId = alice, level = 1, position = 0 }, new { userId = Guid.NewGuid(), level = 1, position = 1 } } },
            TestJson.Options,
            Ct);

        var messages = await ConfigurationApi.FieldErrorAsync(response, "members[1].userId", Ct);
        Assert.Equal(["User not found"], messages);
    }

    [Fact]
    public async Task Music_on_hold_that_is_no_sound_is_refused()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync("/api/v1/queues", new { name = "Support", musicOnHoldSoundId = Guid.NewGuid() }, TestJson.Options, Ct);

        await ConfigurationApi.FieldErrorAsync(response, "musicOnHoldSoundId", Ct);
    }

    [Fact]
    public async Task Out_of_range_setting_and_taken_name_are_refused_on_their_fields()
    {
        using var client = await ClientAsync(Actor.Admin);
        await ConfigurationApi.CreateAsync<QueueView>(client, "/api/v1/queues", new { name = "Support" }, Ct);

        using var response = await client.PostAsJsonAsync("/api/v1/queues", new { name = "Support", ringTimeoutSeconds = 1 }, TestJson.Options, Ct);

        await ConfigurationApi.FieldErrorAsync(response, "ringTimeoutSeconds", Ct);
        await ConfigurationApi.FieldErrorAsync(response, "name", Ct);
    }

    [Fact]
    public async Task Dispositions_are_kept_in_their_order_trimmed_with_whether_one_is_required()
    {
        using var client = await ClientAsync(Actor.Admin);
        var created = await ConfigurationApi.CreateAsync<QueueView>(
            client, "/api/v1/queues", new { name = "Sales", dispositions = UntrimmedDispositions, dispositionRequired = true }, Ct);

        var read = await client.GetFromJsonAsync<QueueView>($"/api/v1/queues/{created.Id}", TestJson.Options, Ct);

        Assert.Equal(["Sale", "Callback requested", "No interest"], read!.Dispositions);
        Assert.True(read.DispositionRequired);
    }

    [Fact]
    public async Task A_blank_a_repeated_ignoring_case_or_a_too_long_disposition_is_refused_on_its_line()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync(
            "/api/v1/queues", new { name = "Sales", dispositions = new[] { "Sale", " ", "SALE", new string('x', 51) } }, TestJson.Options, Ct);

        Assert.Equal(["Enter a disposition, or remove this line"], await ConfigurationApi.FieldErrorAsync(response, "dispositions[1]", Ct));
        Assert.Equal(["'SALE' is already a disposition of this queue"], await ConfigurationApi.FieldErrorAsync(response, "dispositions[2]", Ct));
        Assert.Equal(["Too long: a disposition has at most 50 characters"], await ConfigurationApi.FieldErrorAsync(response, "dispositions[3]", Ct));
    }

    [Fact]
    public async Task Requiring_a_disposition_without_any_to_choose_from_is_refused()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await client.PostAsJsonAsync("/api/v1/queues", new { name = "Sales", dispositionRequired = true }, TestJson.Options, Ct);

        Assert.Equal(["Add the dispositions to choose from before requiring one"], await ConfigurationApi.FieldErrorAsync(response, "dispositionRequired", Ct));
    }

    [Fact]
    public async Task Queue_a_scenario_sends_calls_to_cannot_be_deleted()
    {
        using var client = await ClientAsync(Actor.Admin);
        var queue = await ConfigurationApi.CreateAsync<QueueView>(client, "/api/v1/queues", new { name = "Support" }, Ct);
        await ConfigurationApi.CreateAsync<ScenarioView>(
            client,
            "/api/v1/scenarios",
            new
            {
                name = "Main",
                actions = new object[]
                {
                    new { type = "condition", when = new { type = "noReadyAgents", queueId = queue.Id }, then = new { type = "hangup" } },
                    new { type = "queue", queueId = queue.Id },
                },
            },
            Ct);

        using var response = await client.DeleteAsync($"/api/v1/queues/{queue.Id}", Ct);

        var (detail, usages) = await ConfigurationApi.InUseAsync(response, Ct);
        Assert.Equal(["Scenario 'Main', Action 1 (Condition)", "Scenario 'Main', Action 2 (Send to queue)"], usages);
        Assert.Contains("Scenario 'Main'", detail);
    }

    [Theory]
    [InlineData(Actor.Agent, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Only_admins_may_see_or_change_queues(Actor actor, HttpStatusCode expected)
    {
        using var client = await ClientAsync(actor);

        using var list = await client.GetAsync("/api/v1/queues", Ct);
        using var create = await client.PostAsJsonAsync("/api/v1/queues", new { name = "Support" }, TestJson.Options, Ct);

        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected, create.StatusCode);
    }

    private Task<Guid> CreateAgentAsync(string username) =>
        Factory.WithServicesAsync(async services =>
        {
            var created = await services.GetRequiredService<UserAdmin>()
                .CreateAsync(new UserInput(username, username, Role.Agent, "agent-password-1"), Ct);
            Assert.True(created.Succeeded);
            return created.Value!.Id;
        });

    [Fact]
    public async Task A_name_another_request_saved_but_for_case_after_the_check_is_refused_on_the_name_field()
    {
        await using var server = new RacingServer(Factory);
        using var client = await server.AdminClientAsync(Ct);
        server.SaveFirst(async (services, token) =>
            Assert.True((await services.GetRequiredService<QueueAdmin>().CreateAsync(new QueueInput("support"), token)).Succeeded));

        using var response = await client.PostAsJsonAsync("/api/v1/queues", new { name = "Support" }, TestJson.Options, Ct);

        Assert.Equal(["A queue named 'Support' already exists."], await ConfigurationApi.FieldErrorAsync(response, "name", Ct));
        var queues = await server.WithServicesAsync(services => services.GetRequiredService<QueueAdmin>().ListAsync(Ct));
        Assert.Equal(["support"], queues.Select(queue => queue.Name));
    }
}

public sealed class QueueApiTests_on_sqlite() : QueueApiTests(StorageKind.Sqlite);

public sealed class QueueApiTests_on_postgres() : QueueApiTests(StorageKind.Postgres);
