using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Domain.Users;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Users;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.AcdHosting;

/// <summary>
/// Base of the tests that take calls through the server's ACD. Telephony does not exist here: the test sends calls
/// in through the routing gateway, reads the ACD's commands as telephony would, and answers offers for the agents.
/// </summary>
public abstract class AcdTest(StorageKind storage) : SwitchboardTest(storage)
{
    protected const string OtherAgentPassword = "other-agent-password-1";

    protected AcdDispatcher Dispatcher => Factory.Services.GetRequiredService<AcdDispatcher>();

    protected AgentPresence Presence => Factory.Services.GetRequiredService<AgentPresence>();

    protected QueueEventLogWriter EventLog => Factory.Services.GetRequiredService<QueueEventLogWriter>();

    /// <summary>The id of the user <paramref name="client"/> acts as, from GET /api/v1/agents/me.</summary>
    protected async Task<Guid> IdOfAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<AgentView>("/api/v1/agents/me", TestJson.Options, Ct);
        return me!.Id;
    }

    /// <summary>A further user with <see cref="OtherAgentPassword"/>.</summary>
    protected Task<Guid> CreateUserAsync(string username, Role role = Role.Agent) =>
        Factory.WithServicesAsync(async services =>
        {
            var created = await services.GetRequiredService<UserAdmin>()
                .CreateAsync(new UserInput(username, username, role, OtherAgentPassword), Ct);
            Assert.True(created.Succeeded);
            return created.Value!.Id;
        });

    /// <summary>A client with a bearer token of a user made by <see cref="CreateUserAsync"/>.</summary>
    protected async Task<HttpClient> ClientOfAsync(string username)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Factory.LoginAsync(username, OtherAgentPassword, Ct));
        return client;
    }

    protected async Task<Guid> CreateQueueAsync(HttpClient admin, string name, params Guid[] members)
    {
        var queue = await ConfigurationApi.CreateAsync<QueueView>(
            admin,
            "/api/v1/queues",
            new { name, members = members.Select((member, index) => new { userId = member, level = 1, position = index }) },
            Ct);
        return queue.Id;
    }

    protected async Task SetStatusAsync(HttpClient client, Guid agentId, string status)
    {
        using var response = await client.PutAsJsonAsync($"/api/v1/agents/{agentId}/status", new { status }, TestJson.Options, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Makes the agent Ready and reachable (as if their workspace were open) until the result is disposed.</summary>
    protected async Task<IDisposable> ReadyAsync(HttpClient client, Guid agentId)
    {
        await SetStatusAsync(client, agentId, "ready");
        return Presence.Connect(agentId);
    }

    /// <summary>Sends a call without SIP into the queue as a scenario would, and returns its wait.</summary>
    protected Task<QueueWaitResult> WaitInQueueAsync(Guid callId, Guid queueId, int? maxWaitSeconds = null, CancellationToken? callerHangup = null) =>
        Factory.Services.GetRequiredService<UnclaimedAcdCommands>().WaitInQueueAsync(callId, queueId, maxWaitSeconds, callerHangup ?? Ct);

    /// <summary>The next command of this kind for the call, as telephony would receive it; earlier others are passed over.</summary>
    protected async Task<T> NextCommandAsync<T>(Guid callId)
        where T : AcdCommand
    {
        var commands = Factory.Services.GetRequiredService<UnclaimedAcdCommands>().Reader;
        while (true)
        {
            var command = await commands.ReadAsync(Ct);
            if (command is T wanted && CallOf(wanted) == callId)
                return wanted;
        }
    }

    protected async Task<QueueLiveView> LiveAsync(HttpClient client, Guid queueId) =>
        (await client.GetFromJsonAsync<QueueLiveView>($"/api/v1/queues/{queueId}/live", TestJson.Options, Ct))!;

    private static Guid CallOf(AcdCommand command) => command switch
    {
        OfferCall offer => offer.CallId,
        CancelOffer cancel => cancel.CallId,
        ConnectCall connect => connect.CallId,
        LeaveQueue leave => leave.CallId,
        _ => Guid.Empty,
    };
}
