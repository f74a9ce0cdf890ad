using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Switchboard.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18): accepts connections and keeps one per remote address, so that a response goes back
/// on the connection its request came in on, and a request to a peer reuses an open connection or opens one.
/// </summary>
public sealed class TcpSipTransport : ISipTransport
{
    private static readonly TimeSpan AcceptBackOff = TimeSpan.FromMilliseconds(100);
    private readonly Socket _listener;
    private readonly ChannelWriter<SipReceivedMessage> _received;
    private readonly SipParserLimits _limits;
    private readonly SipInputLog _log;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;

    private TcpSipTransport(Socket listener, ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, SipInputLog log)
    {
        _log = log;
        _listener = listener;
        _received = received;
        _limits = limits;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    public SipTransportKind Kind => SipTransportKind.Tcp;

    public IPEndPoint LocalEndPoint { get; }

    internal static TcpSipTransport Bind(IPEndPoint localEndPoint, ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, SipInputLog log)
    {
        var listener = new Socket(localEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(localEndPoint);
            listener.Listen(128);
            return new TcpSipTransport(listener, received, limits, log);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>False once the accept loop has ended without being stopped (see <see cref="SipInputLog"/> for why).</summary>
    public bool IsReceiving => !_accepting.IsCompleted || _stopping.IsCancellationRequested;

    public void Start() => _accepting = AcceptAsync(_stopping.Token);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (!_connections.TryGetValue(remote, out var connection))
            connection = await ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
        await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
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
                        await Task.Delay(AcceptBackOff, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var connection = new TcpSipConnection(socket, _log);
                if (!Adopt(connection))
                    await connection.DisposeAsync().ConfigureAwait(false);
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

    private async Task<TcpSipConnection> ConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new TcpSipConnection(socket, _log);
        if (!Adopt(connection))
        {
            // Another send connected to the same peer at the same moment; use that connection.
            await connection.DisposeAsync().ConfigureAwait(false);
            return _connections.TryGetValue(remote, out var existing) ? existing : throw new SocketException((int)SocketError.NotConnected);
        }
        return connection;
    }

    private bool Adopt(TcpSipConnection connection)
    {
        if (!_connections.TryAdd(connection.Remote, connection))
            return false;
        connection.StartReading(_received, _limits, closed => _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(closed.Remote, closed)));
        return true;
    }
}
