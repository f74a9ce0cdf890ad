using System.Collections.Concurrent;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.Acd;

/// <summary>
/// Since when each agent has been in their current status, learnt from the ACD's status events. Live state is
/// memory only: every agent starts Not available when the server starts, so that is their time until they choose.
/// </summary>
public sealed class AgentStatusClock(TimeProvider timeProvider) : IAcdEventSink
{
    private readonly DateTimeOffset _serverStarted = timeProvider.GetUtcNow();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _since = new();

    public DateTimeOffset StatusSince(Guid agentId) => _since.TryGetValue(agentId, out var since) ? since : _serverStarted;

    public void Publish(AcdEvent acdEvent)
    {
        if (acdEvent is AgentStatusChanged changed)
            _since[changed.AgentId] = changed.At;
    }
}
