using Microsoft.Extensions.DependencyInjection;
using Switchboard.Domain.Acd;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Admin;
using Switchboard.Server.Admin.Queues;
using Switchboard.Telephony.Tests.Infrastructure;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>What queue tests do with the server's ACD: add queues, make agents Ready, wait for an agent's state.</summary>
internal static class AcdSteps
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static AcdDispatcher Acd(this TelephonyServer server) => server.Services.GetRequiredService<AcdDispatcher>();

    public static async Task<Guid> AddQueueAsync(this TelephonyServer server, QueueInput input)
    {
        using var scope = server.Services.CreateScope();
        AdminResult<QueueView> result = await scope.ServiceProvider.GetRequiredService<QueueAdmin>().CreateAsync(input, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(error => $"{error.Key}: {string.Join(' ', error.Value)}")));
        return result.Value!.Id;
    }

    /// <summary>The agent chooses Ready, as from their workspace.</summary>
    public static Task SetReadyAsync(this TelephonyServer server, Guid agentId) => server.SetStatusAsync(agentId, AgentStatus.Ready);

    /// <summary>The agent chooses <paramref name="status"/>, as from their workspace.</summary>
    public static async Task SetStatusAsync(this TelephonyServer server, Guid agentId, AgentStatus status)
    {
        using var scope = server.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AgentBoard>().SetStatusAsync(agentId, status, CancellationToken.None));
        // The ACD takes inputs in order: once a later snapshot is answered, the status and its events are through.
        await server.Acd().GetSnapshotAsync(CancellationToken.None);
    }

    /// <summary>
    /// Starts the agent's sipp device (SIP password "{username}-sip-1") with <paramref name="scenario"/>, and once the
    /// ACD counts it as registered, makes the agent Ready. The device's sipp may run for <paramref name="timeout"/> (30 s by default).
    /// </summary>
    public static async Task<AgentDevice> ReadyDeviceAsync(this TelephonyServer server, Guid agentId, string username, string scenario, TimeSpan? timeout = null)
    {
        var device = await AgentDevice.StartAsync(server, username, scenario, timeout);
        await server.AgentBecomesAsync(agentId, agent => agent.Reachable, device.Output);
        await server.SetReadyAsync(agentId);
        return device;
    }

    /// <summary>Waits until the ACD's state of the agent meets <paramref name="condition"/> and returns that state; fails the test if it never does.</summary>
    public static async Task<AgentSnapshot> AgentBecomesAsync(this TelephonyServer server, Guid agentId, Func<AgentSnapshot, bool> condition, string context = "")
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            var agent = (await server.Acd().GetSnapshotAsync(CancellationToken.None)).Agent(agentId);
            if (agent is not null && condition(agent))
                return agent;
            Assert.False(guard.IsCancellationRequested, $"The agent never got there; last seen {agent}.\n{context}");
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Waits until a call waits in the queue and returns the queue's live view then.</summary>
    public static async Task<QueueLiveView> CallWaitsInAsync(this TelephonyServer server, Guid queueId)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            using var scope = server.Services.CreateScope();
            var live = await scope.ServiceProvider.GetRequiredService<LiveQueueBoard>().GetAsync(queueId, CancellationToken.None);
            if (live is { WaitingCalls.Count: > 0 })
                return live;
            Assert.False(guard.IsCancellationRequested, $"No call ever waited in the queue; last seen {live}.");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
