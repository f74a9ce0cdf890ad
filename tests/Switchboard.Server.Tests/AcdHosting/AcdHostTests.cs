using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.AcdHosting;

public abstract class AcdHostTests(StorageKind storage) : AcdTest(storage)
{
    [Fact]
    public async Task Member_added_to_a_queue_through_the_api_is_offered_the_next_call()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var queueId = await CreateQueueAsync(admin, "Support");
        using var workspace = await ReadyAsync(agent, agentId);

        using var updated = await admin.PutAsJsonAsync(
            $"/api/v1/queues/{queueId}",
            new { name = "Support", members = new[] { new { userId = agentId, level = 1, position = 0 } } },
            TestJson.Options,
            Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var callId = Guid.NewGuid();
        _ = WaitInQueueAsync(callId, queueId);

        Assert.Equal(agentId, (await NextCommandAsync<OfferCall>(callId)).AgentId);
    }

    [Fact]
    public async Task Queues_stored_before_a_restart_take_calls_after_it_and_agents_start_not_available()
    {
        using (var adminBefore = await ClientAsync(Actor.Admin))
        using (var agentBefore = await ClientAsync(Actor.Agent))
        {
            var member = await IdOfAsync(agentBefore);
            await CreateQueueAsync(adminBefore, "Support", member);
            await SetStatusAsync(agentBefore, member, "ready");
        }

        await RestartAsync();

        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var me = await agent.GetFromJsonAsync<AgentView>("/api/v1/agents/me", TestJson.Options, Ct);
        Assert.Equal((AgentStatus.NotAvailable, false), (me!.Status, me.Reachable));
        var queueId = Assert.Single(await admin.GetFromJsonAsync<List<QueueView>>("/api/v1/queues", TestJson.Options, Ct) ?? []).Id;
        using var workspace = await ReadyAsync(agent, agentId);
        var callId = Guid.NewGuid();
        _ = WaitInQueueAsync(callId, queueId);

        Assert.Equal(agentId, (await NextCommandAsync<OfferCall>(callId)).AgentId);
    }

    [Fact]
    public async Task Routing_finds_queues_as_configured_and_counts_their_ready_agents()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var directory = Factory.Services.GetRequiredService<IQueueDirectory>();
        var state = Factory.Services.GetRequiredService<IQueueState>();
        var queueId = await CreateQueueAsync(admin, "Support", agentId);
        Assert.Equal(new RoutingQueue("Support", PlaysMusicOnHold: true), directory.Find(queueId));
        Assert.Equal(0, state.ReadyAgentCount(queueId));

        using var workspace = await ReadyAsync(agent, agentId);
        await Dispatcher.GetSnapshotAsync(Ct);

        Assert.Equal(1, state.ReadyAgentCount(queueId));
        using var deleted = await admin.DeleteAsync($"/api/v1/queues/{queueId}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(directory.Find(queueId));
    }
}

public sealed class AcdHostTests_on_sqlite() : AcdHostTests(StorageKind.Sqlite);

public sealed class AcdHostTests_on_postgres() : AcdHostTests(StorageKind.Postgres);
