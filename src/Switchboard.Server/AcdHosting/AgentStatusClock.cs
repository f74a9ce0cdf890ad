using System.Collections.Concurrent;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Each agent's status and since when, learnt from the ACD's status events. Live state is memory only: every agent
/// starts Not available when the server starts, so that is their status and its time until they choose.
/// </summary>
public sealed class AgentStatusClock(TimeProvider timeProvider) : IAcdEventSink, IUserReadiness
{
    private readonly DateTimeOffset _serverStarted = timeProvider.GetUtcNow();
    private readonly ConcurrentDictionary<Guid, (AgentStatus Status, DateTimeOffset Since)> _statuses = new();

    public DateTimeOffset StatusSince(Guid agentId) => _statuses.TryGetValue(agentId, out var status) ? status.Since : _serverStarted;

    public bool IsReady(Guid userId) => _statuses.TryGetValue(userId, out var status) && status.Status == AgentStatus.Ready;

    public void Publish(AcdEvent acdEvent)
    {
        if (acdEvent is AgentStatusChanged changed)
            _statuses[changed.AgentId] = (changed.Status, changed.At);
    }
}
