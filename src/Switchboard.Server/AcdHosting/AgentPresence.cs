using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Counts each agent's live connections (an open events socket of their workspace; the registrations of the SIP
/// device their calls ring) and tells the ACD when an agent becomes reachable (first connection) or unreachable
/// (last one gone), so that an agent whose page is closed is not offered calls. The last connection going is only
/// believed after <see cref="Grace"/>: a page reload or a network blip reconnects within it, and the agent's offers
/// and place in the queues are not disturbed.
/// </summary>
public sealed class AgentPresence(AcdDispatcher dispatcher, TimeProvider time)
{
    /// <summary>How long an agent without connections still counts as reachable, for a reload or a blip to come back.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, int> _connections = [];
    // Agents whose last connection went, and the timer that makes them unreachable unless one comes back first.
    private readonly Dictionary<Guid, Leaving> _leaving = [];

    /// <summary>Counts one connection of the agent until the returned handle is disposed.</summary>
    public IDisposable Connect(Guid agentId)
    {
        lock (_lock)
        {
            var count = _connections.GetValueOrDefault(agentId) + 1;
            _connections[agentId] = count;
            // Back within the grace: the ACD never saw the agent go.
            if (_leaving.Remove(agentId, out var leaving))
                leaving.Timer?.Dispose();
            // Posted under the lock so that the ACD sees the transitions in the order they happened.
            else if (count == 1)
                dispatcher.Post(new SetAgentReachable(agentId, Reachable: true));
        }

        return new Connection(this, agentId);
    }

    /// <summary>The agent's open connections now (one that went within the grace no longer counts here).</summary>
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
            var leaving = new Leaving();
            _leaving[agentId] = leaving;
            leaving.Timer = time.CreateTimer(_ => Leave(agentId, leaving), null, Grace, Timeout.InfiniteTimeSpan);
        }
    }

    private void Leave(Guid agentId, Leaving leaving)
    {
        lock (_lock)
        {
            // A connection that came back in the meantime ended this leaving (a later one may have begun since).
            if (!_leaving.TryGetValue(agentId, out var current) || current != leaving)
                return;
            _leaving.Remove(agentId);
            leaving.Timer?.Dispose();
            dispatcher.Post(new SetAgentReachable(agentId, Reachable: false));
        }
    }

    /// <summary>One going of an agent's last connection, until its grace ends or a connection comes back.</summary>
    private sealed class Leaving
    {
        public ITimer? Timer { get; set; }
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
