namespace Switchboard.Sip.Transport;

/// <summary>
/// What one TCP peer may hold of this endpoint: how long a connection may sit idle or in the middle of a message,
/// how much may wait to be sent to it, and how many connections a source address and all peers together may open.
/// </summary>
public sealed class SipTcpOptions
{
    /// <summary>
    /// A connection on which nothing was received or sent for this long is closed. Phones that register over TCP
    /// keep theirs open with traffic or CRLF keep-alives (RFC 5626) well within this.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A message begun must be received whole within this long (a Content-Length of 60000 with 10 bytes sent is closed).</summary>
    public TimeSpan IncompleteMessageTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One message must leave within this long; a peer that does not read is closed after it.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long opening a connection to a peer may take before the messages for it are dropped.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages that may wait to be sent on one connection; one more closes it, as a peer that does not drain.</summary>
    public int SendQueueLength { get; init; } = 1_000;

    /// <summary>Connections open at once, accepted and opened together; beyond it new ones are closed at once.</summary>
    public int MaxConnections { get; init; } = 2_000;

    /// <summary>Connections open at once from one IP address (an office of TCP phones behind one NAT shares one).</summary>
    public int MaxConnectionsPerAddress { get; init; } = 100;
}
