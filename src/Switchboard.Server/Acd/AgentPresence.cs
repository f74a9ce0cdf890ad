using Switchboard.Domain.Acd;

namespace Switchboard.Server.Acd;

/// <summary>
/// Counts each agent's live connections (an open events socket of their workspace; later their SIP registrations)
/// and tells the ACD when an agent becomes reachable (first connection) or unreachable (last one gone), so that an
/// agent whose page is closed is not offered calls.
/// </summary>
public sealed class AgentPresence(AcdDispatcher dispatcher)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, int> _connections = [];

    /// <summary>Counts one connection of the agent until the returned handle is disposed.</summary>
    public IDisposable Connect(Guid agentId)
    {
        lock (_lock)
        {
            var count = _connections.GetValueOrDefault(agentId) + 1;
            _connections[agentId] = count;
            // Posted under the lock so that the ACD sees the transitions in the order they happened.
            if (count == 1)
                dispatcher.Post(new SetAgentReachable(agentId, Reachable: true));
        }

        return new Connection(this, agentId);
    }

    public int ConnectionsOf(Guid agentId)
    {
        lock (_lock)
            return _connections.GetValueOrDefault(agentId);
    }

    private void Disconnect(Guid agentId)
    {
        lock (_lock)
        {
            var count = _connections.GetValueOrDefault(agentId) - 1;
            if (count > 0)
            {
                _connections[agentId] = count;
                return;
            }

            _connections.Remove(agentId);
            dispatcher.Post(new SetAgentReachable(agentId, Reachable: false));
        }
    }

    private sealed class Connection(AgentPresence presence, Guid agentId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                presence.Disconnect(agentId);
        }
    }
}
