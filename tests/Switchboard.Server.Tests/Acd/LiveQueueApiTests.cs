using System.Net;
using Switchboard.Domain.Acd;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Acd;

public abstract class LiveQueueApiTests(StorageKind storage) : AcdTest(storage)
{
    [Fact]
    public async Task Member_agent_sees_their_queue_live_with_its_members_and_counts()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var agentId = await IdOfAsync(agent);
        var otherId = await CreateUserAsync("bob");
        var queueId = await CreateQueueAsync(admin, "Support", agentId, otherId);
        using var workspace = await ReadyAsync(agent, agentId);

        var live = await LiveAsync(agent, queueId);

        Assert.Equal(("Support", QueueStrategy.LongestIdle), (live.Name, live.Strategy));
        Assert.Equal(
            [(agentId, "agent", AgentStatus.Ready, true, 0), (otherId, "bob", AgentStatus.NotAvailable, false, 1)],
            live.Agents.Select(a => (a.Id, a.Name, a.Status, a.Reachable, a.Position)));
        Assert.Equal(new(Waiting: 0, Members: 2, Ready: 1, Available: 1), live.Counts);
    }

    [Fact]
    public async Task Agent_who_is_not_a_member_may_not_see_the_queue_live()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var agent = await ClientAsync(Actor.Agent);
        var queueId = await CreateQueueAsync(admin, "Sales", await CreateUserAsync("bob"));

        using var response = await agent.GetAsync($"/api/v1/queues/{queueId}/live", Ct);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden, Ct);
    }

    [Fact]
    public async Task Live_view_of_a_queue_that_does_not_exist_is_not_found()
    {
        using var supervisor = await ClientAsync(Actor.Supervisor);

        using var response = await supervisor.GetAsync($"/api/v1/queues/{Guid.NewGuid()}/live", Ct);

        await response.ReadProblemAsync(HttpStatusCode.NotFound, Ct);
    }
}

public sealed class LiveQueueApiTests_on_sqlite() : LiveQueueApiTests(StorageKind.Sqlite);

public sealed class LiveQueueApiTests_on_postgres() : LiveQueueApiTests(StorageKind.Postgres);
