using Switchboard.Sip.Transport;

namespace Switchboard.Server.Hosting;

/// <summary>Switchboard:Sip:Tcp: what one TCP peer may hold of the server (see docs/reliability.md).</summary>
public sealed class SipTcpSettings
{
    public int IdleTimeoutSeconds { get; set; } = 900;

    public int IncompleteMessageTimeoutSeconds { get; set; } = 30;

    public int SendTimeoutSeconds { get; set; } = 10;

    public int ConnectTimeoutSeconds { get; set; } = 10;

    public int SendQueueLength { get; set; } = 1_000;

    public int MaxConnections { get; set; } = 2_000;

    public int MaxConnectionsPerAddress { get; set; } = 100;

    public SipTcpOptions ToOptions() => new()
    {
        IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSeconds),
        IncompleteMessageTimeout = TimeSpan.FromSeconds(IncompleteMessageTimeoutSeconds),
        SendTimeout = TimeSpan.FromSeconds(SendTimeoutSeconds),
        ConnectTimeout = TimeSpan.FromSeconds(ConnectTimeoutSeconds),
        SendQueueLength = SendQueueLength,
        MaxConnections = MaxConnections,
        MaxConnectionsPerAddress = MaxConnectionsPerAddress,
    };
}
