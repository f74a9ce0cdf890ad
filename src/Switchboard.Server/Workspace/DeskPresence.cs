using Microsoft.AspNetCore.Components.Server.Circuits;
using Switchboard.Server.AcdHosting;

namespace Switchboard.Server.Workspace;

/// <summary>
/// The agent's desk on a circuit counts as one of their live connections, as an open events socket does: reachable
/// for offers while the browser is connected, not once it is gone (a closed tab, a lost network). A circuit outlives
/// its connection for a while, waiting for the browser to come back, so it is the connection that counts.
/// </summary>
public sealed class DeskPresence(AgentPresence presence) : CircuitHandler, IDisposable
{
    private readonly Lock _lock = new();
    private Guid? _agentId;
    private IDisposable? _connection;
    private bool _connected = true;

    /// <summary>The desk of <paramref name="agentId"/> is open on this circuit until <see cref="Close"/>.</summary>
    public void Open(Guid agentId)
    {
        lock (_lock)
        {
            _agentId = agentId;
            if (_connected)
                _connection ??= presence.Connect(agentId);
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            _agentId = null;
            _connection?.Dispose();
            _connection = null;
        }
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _connected = true;
            if (_agentId is { } agentId)
                _connection ??= presence.Connect(agentId);
        }

        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _connected = false;
            _connection?.Dispose();
            _connection = null;
        }

        return Task.CompletedTask;
    }

    public void Dispose() => Close();
}
