using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Switchboard.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18): accepts connections and keeps one per remote address, so that a response goes back
/// on the connection its request came in on, and a request to a peer reuses an open connection or opens one.
/// Sending only queues on the connection (see <see cref="TcpSipConnection"/>), so no peer holds up the sender.
/// Connections beyond <see cref="SipTcpOptions.MaxConnections"/>, or beyond
/// <see cref="SipTcpOptions.MaxConnectionsPerAddress"/> from one address, are closed as soon as they are accepted.
/// </summary>
public sealed class TcpSipTransport : ISipTransport
{
    private static readonly TimeSpan AcceptBackOff = TimeSpan.FromMilliseconds(100);
    private readonly Socket _listener;
    private readonly ChannelWriter<SipReceivedMessage> _received;
    private readonly SipParserLimits _limits;
    private readonly SipTcpOptions _options;
    private readonly TimeProvider _time;
    private readonly SipTransportLog _log;
    private readonly SipMetrics _metrics;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;

    private TcpSipTransport(Socket listener, ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, SipTcpOptions options, TimeProvider time, SipTransportLog log, SipMetrics metrics)
    {
        _listener = listener;
        _metrics = metrics;
        _received = received;
        _limits = limits;
        _options = options;
        _time = time;
        _log = log;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    public SipTransportKind Kind => SipTransportKind.Tcp;

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Open connections, accepted and opened.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>False once the accept loop has ended without being stopped (see <see cref="SipTransportLog"/> for why).</summary>
    public bool IsReceiving => !_accepting.IsCompleted || _stopping.IsCancellationRequested;

    internal static TcpSipTransport Bind(IPEndPoint localEndPoint, ChannelWriter<SipReceivedMessage> received, SipParserLimits limits,
        SipTcpOptions options, TimeProvider time, SipTransportLog log, SipMetrics metrics)
    {
        var listener = new Socket(localEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Connections we closed linger in TIME_WAIT on our port; without this a server restarted at once cannot listen again.
            if (!OperatingSystem.IsWindows())
                listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(localEndPoint);
            listener.Listen(512);
            return new TcpSipTransport(listener, received, limits, options, time, log, metrics);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    public void Start() => _accepting = AcceptAsync(_stopping.Token);

    /// <summary>Queues the message on the connection to <paramref name="remote"/>, opening one if there is none; never waits for the peer.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var connection = _connections.TryGetValue(remote, out var open) ? open : Open(remote);
        return connection is not null && connection.TryQueue(message)
            ? ValueTask.CompletedTask
            : ValueTask.FromException(new IOException($"No TCP connection with {remote} takes messages."));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        foreach (var connection in _connections.Values)
            await connection.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException exception)
                {
                    // A connection reset before it was accepted concerns that peer only; out of descriptors, the
                    // listener waits a moment rather than spin, and goes on when connections have been closed.
                    _log.AcceptFailed(LocalEndPoint, exception);
                    if (exception.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable)
                        await Task.Delay(AcceptBackOff, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                try
                {
                    Accept(socket);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Whatever one connection breaks, the listener goes on.
                    _log.AcceptFailed(LocalEndPoint, exception);
                    socket.Dispose();
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            _log.ListenerStopped($"TCP {LocalEndPoint}", exception);
        }
    }

    private void Accept(Socket socket)
    {
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        var refusal = Admit(remote.Address);
        if (refusal is not null)
        {
            _log.ConnectionRefused(remote, refusal);
            // Closed at once, without lingering: the peer learns it by a reset.
            socket.LingerState = new LingerOption(true, 0);
            socket.Dispose();
            return;
        }
        var connection = TcpSipConnection.Accepted(socket, _options, _time, _log, _metrics);
        if (!_connections.TryAdd(remote, connection))
        {
            Release(remote.Address);
            socket.Dispose();
            return;
        }
        connection.Start(_received, _limits, Forget);
    }

    /// <summary>A connection this endpoint opens to send to a peer; it connects in the background while messages queue.</summary>
    private TcpSipConnection? Open(IPEndPoint remote)
    {
        lock (_perAddress)
        {
            if (_connections.TryGetValue(remote, out var existing))
                return existing;
            if (_stopping.IsCancellationRequested)
                return null;
            _perAddress[remote.Address] = _perAddress.GetValueOrDefault(remote.Address) + 1;
            var connection = TcpSipConnection.Opening(remote, _options, _time, _log, _metrics);
            _connections[remote] = connection;
            connection.Start(_received, _limits, Forget);
            return connection;
        }
    }

    /// <summary>Counts a new inbound connection against the caps; the reason it is refused, or null.</summary>
    private string? Admit(IPAddress address)
    {
        lock (_perAddress)
        {
            if (_connections.Count >= _options.MaxConnections)
                return $"{_options.MaxConnections} connections are open (Switchboard:Sip:Tcp:MaxConnections)";
            var fromAddress = _perAddress.GetValueOrDefault(address);
            if (fromAddress >= _options.MaxConnectionsPerAddress)
                return $"{fromAddress} connections are open from {address} (Switchboard:Sip:Tcp:MaxConnectionsPerAddress)";
            _perAddress[address] = fromAddress + 1;
            return null;
        }
    }

    private void Release(IPAddress address)
    {
        lock (_perAddress)
        {
            var left = _perAddress.GetValueOrDefault(address) - 1;
            if (left > 0)
                _perAddress[address] = left;
            else
                _perAddress.Remove(address);
        }
    }

    private void Forget(TcpSipConnection closed)
    {
        if (_connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(closed.Remote, closed)))
            Release(closed.Remote.Address);
    }
}
