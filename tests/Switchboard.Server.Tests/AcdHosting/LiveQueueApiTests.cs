using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Telephony;
using Switchboard.Testing.Peers;

namespace Switchboard.Server.Tests.AcdHosting;

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
    public async Task A_caller_waiting_on_a_real_call_is_shown_with_their_number_and_the_variables_their_scenario_set()
    {
        using var admin = await ClientAsync(Actor.Admin);
        using var supervisor = await ClientAsync(Actor.Supervisor);
        var queueId = await CreateQueueAsync(admin, "Support");
        await ConfigurationApi.CreateAsync<TrunkView>(admin, "/api/v1/trunks", new TrunkInput("Carrier", ["127.0.0.1/32"]), Ct);
        var scenario = await ConfigurationApi.CreateAsync<ScenarioView>(admin, "/api/v1/scenarios",
            new ScenarioInput("Waiting line", [new SetVariableAction("language", "fr"), new QueueAction(queueId)]), Ct);
        await ConfigurationApi.CreateAsync<NumberView>(admin, "/api/v1/numbers", new NumberInput("+12025550100", null, scenario.Id), Ct);
        using var sippDirectory = new TemporaryDirectory();
        await using var media = new RtpSocket();
        media.Receive((_, _, _) => ValueTask.CompletedTask);
        var sip = Factory.Services.GetRequiredService<BackToBackUserAgent>().Endpoint.UdpEndPoint!;

        await using var caller = await Sipp.StartAsync(sip, SippCallerScenarios.CallUntilServerHangsUp("12025550100", media.Port, fromUser: "+14155550123"),
            "u1", FreePort.Find(), sippDirectory);
        // The music on hold starts as the call joins the queue.
        await PeerWait.UntilAsync(() => media.Received > 25, () => $"The caller never heard the music on hold.\n{caller.Output}", Ct);

        var call = Assert.Single((await LiveAsync(supervisor, queueId)).WaitingCalls);
        Assert.Equal("+14155550123", call.CallerNumber);
        Assert.Contains(new CallVariable("language", "fr"), call.Variables);
        Assert.Contains(new CallVariable("queueName", "Support"), call.Variables);
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
