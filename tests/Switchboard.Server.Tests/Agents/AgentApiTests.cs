using System.Net;
using System.Net.Http.Json;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Users;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Tests.AcdHosting;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Agents;

public abstract class AgentApiTests(StorageKind storage) : AcdTest(storage)
{
    [Fact]
    public async Task Agent_sets_their_own_status_and_sees_it_in_agents_me()
    {
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var before = await MeAsync(agent);
        Assert.Equal((AgentStatus.NotAvailable, AgentActivity.Idle, false), (before.Status, before.Activity, before.Reachable));

        using var response = await agent.PutAsJsonAsync($"/api/v1/agents/{agentId}/status", new { status = "ready" }, TestJson.Options, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var me = await MeAsync(agent);
        Assert.Equal((agentId, "agent", AgentStatus.Ready), (me.Id, me.Username, me.Status));
        Assert.True(me.StatusSince >= before.StatusSince, $"Ready since {me.StatusSince}, before that Not available since {before.StatusSince}.");
        Assert.Null(me.WrapUpRemainingSeconds);
    }

    [Fact]
    public async Task Agent_may_not_set_another_agents_status()
    {
        using var agent = await ClientAsync(Actor.Agent);
        using var supervisor = await ClientAsync(Actor.Supervisor);
        var bobId = await CreateUserAsync("bob");

        using var response = await agent.PutAsJsonAsync($"/api/v1/agents/{bobId}/status", new { status = "ready" }, TestJson.Options, Ct);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden, Ct);
        Assert.Equal(AgentStatus.NotAvailable, (await AgentsAsync(supervisor)).Single(a => a.Id == bobId).Status);
    }

    [Fact]
    public async Task Supervisor_sets_any_agents_status_and_sees_every_agent()
    {
        using var supervisor = await ClientAsync(Actor.Supervisor);
        var bobId = await CreateUserAsync("bob");
        var carolId = await CreateUserAsync("carol", Role.Admin);

        await SetStatusAsync(supervisor, bobId, "backSoon");
        await SetStatusAsync(supervisor, carolId, "ready");

        var agents = await AgentsAsync(supervisor);
        Assert.Equal(["admin", "bob", "carol", "supervisor"], agents.Select(a => a.Username));
        Assert.Equal(AgentStatus.BackSoon, agents.Single(a => a.Id == bobId).Status);
        Assert.Equal(AgentStatus.Ready, agents.Single(a => a.Id == carolId).Status);
        Assert.Equal(AgentStatus.NotAvailable, agents.Single(a => a.Username == "supervisor").Status);
    }

    [Fact]
    public async Task Agent_may_not_list_every_agent()
    {
        using var agent = await ClientAsync(Actor.Agent);

        using var response = await agent.GetAsync("/api/v1/agents", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"status":"sleeping"}""")]
    [InlineData("""{"status":"Ready"}""")]
    [InlineData("""{"status":"0"}""")]
    [InlineData("""{}""")]
    public async Task Status_that_is_not_one_of_the_three_is_refused_on_status(string body)
    {
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await agent.PutAsync($"/api/v1/agents/{agentId}/status", content, Ct);

        var messages = await response.ReadFieldErrorsAsync("status", Ct);
        Assert.Contains("ready, backSoon, notAvailable", Assert.Single(messages), StringComparison.Ordinal);
        Assert.Equal(AgentStatus.NotAvailable, (await MeAsync(agent)).Status);
    }

    [Fact]
    public async Task Status_of_a_user_who_does_not_exist_is_not_found()
    {
        using var supervisor = await ClientAsync(Actor.Supervisor);

        using var response = await supervisor.PutAsJsonAsync($"/api/v1/agents/{Guid.NewGuid()}/status", new { status = "ready" }, TestJson.Options, Ct);

        await response.ReadProblemAsync(HttpStatusCode.NotFound, Ct);
    }

    [Fact]
    public async Task Anonymous_client_may_not_set_a_status()
    {
        using var anonymous = await ClientAsync(Actor.Anonymous);

        using var response = await anonymous.PutAsJsonAsync($"/api/v1/agents/{Guid.NewGuid()}/status", new { status = "ready" }, TestJson.Options, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Agent_in_wrap_up_sees_the_time_it_has_left()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var queue = await ConfigurationApi.CreateAsync<QueueView>(
            admin,
            "/api/v1/queues",
            new { name = "Support", wrapUpSeconds = 3600, members = new[] { new { userId = agentId, level = 1, position = 0 } } },
            Ct);
        using var workspace = await ReadyAsync(agent, agentId);
        var callId = Guid.NewGuid();
        var waiting = WaitInQueueAsync(callId, queue.Id);
        Dispatcher.Post(new AgentAcceptedOffer((await NextCommandAsync<OfferCall>(callId)).OfferId));
        await waiting;
        Assert.Equal((AgentActivity.OnCall, callId), ((await MeAsync(agent)).Activity, (await MeAsync(agent)).CallId));

        Dispatcher.Post(new CallEnded(callId));

        var me = await MeAsync(agent);
        Assert.Equal(AgentActivity.WrapUp, me.Activity);
        Assert.InRange(me.WrapUpRemainingSeconds ?? -1, 1, 3600);
    }

    private async Task<AgentView> MeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<AgentView>("/api/v1/agents/me", TestJson.Options, Ct))!;

    private async Task<List<AgentView>> AgentsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<AgentView>>("/api/v1/agents", TestJson.Options, Ct))!;
}

public sealed class AgentApiTests_on_sqlite() : AgentApiTests(StorageKind.Sqlite);

public sealed class AgentApiTests_on_postgres() : AgentApiTests(StorageKind.Postgres);
