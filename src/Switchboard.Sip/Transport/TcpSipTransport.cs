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
    private readonly Socket _listener;
    private readonly ChannelWriter<SipReceivedMessage> _received;
    private readonly SipParserLimits _limits;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _accepting = Task.CompletedTask;

    private TcpSipTransport(Socket listener, ChannelWriter<SipReceivedMessage> received, SipParserLimits limits)
    {
        _listener = listener;
        _received = received;
        _limits = limits;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    public SipTransportKind Kind => SipTransportKind.Tcp;

    public IPEndPoint LocalEndPoint { get; }

    public static TcpSipTransport Bind(IPEndPoint localEndPoint, ChannelWriter<SipReceivedMessage> received, SipParserLimits limits)
    {
        var listener = new Socket(localEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Connections we closed linger in TIME_WAIT on our port; without this a server restarted at once cannot listen again.
            if (!OperatingSystem.IsWindows())
                listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(localEndPoint);
            listener.Listen(128);
            return new TcpSipTransport(listener, received, limits);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

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
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection reset before it was accepted concerns that peer only.
                continue;
            }
            var connection = new TcpSipConnection(socket);
            if (!Adopt(connection))
                await connection.DisposeAsync().ConfigureAwait(false);
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
        var connection = new TcpSipConnection(socket);
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
