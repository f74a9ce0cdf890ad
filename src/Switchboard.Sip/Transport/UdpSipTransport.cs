using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Switchboard.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 §18): one socket, one pooled receive buffer, each datagram parsed on its own so that
/// a malformed one costs nothing to the traffic around it. Received messages are written to a channel without
/// waiting, so a slow consumer never holds up the socket; sent ones go through a bounded queue that one sender
/// drains, so no sender waits for the socket either (when it is full a datagram is dropped, as a network would).
/// </summary>
public sealed class UdpSipTransport : ISipTransport
{
    // The largest UDP payload; a datagram is read whole or not at all.
    private const int ReceiveBufferSize = 65_535;
    private const int SendQueueLength = 10_000;

    private readonly Socket _socket;
    private readonly ChannelWriter<SipReceivedMessage> _received;
    private readonly SipParserLimits _limits;
    private readonly SipTransportLog _log;
    private readonly SipMetrics _metrics;
    private readonly Channel<(ReadOnlyMemory<byte> Message, IPEndPoint Remote)> _outgoing =
        Channel.CreateBounded<(ReadOnlyMemory<byte>, IPEndPoint)>(new BoundedChannelOptions(SendQueueLength)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    private readonly CancellationTokenSource _stopping = new();
    private Task _receiving = Task.CompletedTask;
    private Task _sending = Task.CompletedTask;

    private UdpSipTransport(Socket socket, ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, SipTransportLog log, SipMetrics metrics)
    {
        _log = log;
        _metrics = metrics;
        _socket = socket;
        _received = received;
        _limits = limits;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public SipTransportKind Kind => SipTransportKind.Udp;

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>
    /// Binds the socket (port 0 picks a free port, see <see cref="LocalEndPoint"/>) with a kernel receive buffer of
    /// <paramref name="receiveBufferBytes"/> (SO_RCVBUF; Linux caps it at net.core.rmem_max), which holds a burst
    /// while the loop catches up.
    /// </summary>
    internal static UdpSipTransport Bind(IPEndPoint localEndPoint, ChannelWriter<SipReceivedMessage> received, SipParserLimits limits,
        int receiveBufferBytes, SipTransportLog log, SipMetrics metrics)
    {
        var socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.ReceiveBufferSize = receiveBufferBytes;
            socket.Bind(localEndPoint);
            return new UdpSipTransport(socket, received, limits, log, metrics);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>False once the receive loop has ended without being stopped (see <see cref="SipTransportLog"/> for why).</summary>
    public bool IsReceiving => !_receiving.IsCompleted || _stopping.IsCancellationRequested;

    /// <summary>The kernel's receive buffer as granted (Linux reports twice what it reserves for bookkeeping).</summary>
    public int ReceiveBufferBytes => _socket.ReceiveBufferSize;

    public void Start()
    {
        _receiving = ReceiveAsync(_stopping.Token);
        _sending = SendQueuedAsync(_stopping.Token);
    }

    /// <summary>Queues the datagram; it is dropped when the queue is full, as a congested network drops it.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken)
    {
        _outgoing.Writer.TryWrite((message, remote));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _outgoing.Writer.TryComplete();
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
        await _sending.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        EndPoint anyRemote = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                SocketReceiveFromResult result;
                try
                {
                    result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anyRemote, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException exception)
                {
                    // An ICMP error for an earlier send surfaces here on some systems; it concerns that peer only.
                    _log.ReceiveError(LocalEndPoint, exception);
                    continue;
                }
                var source = new SipTransportAddress(SipTransportKind.Udp, (IPEndPoint)result.RemoteEndPoint);
                try
                {
                    Handle(buffer.AsSpan(0, result.ReceivedBytes), source);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // No datagram ends the loop: whatever one of them breaks, it alone is dropped.
                    _metrics.Dropped(SipTransportKind.Udp, SipDropReason.Failed);
                    _log.InputFailed(source, exception);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            // Stopping: the socket was closed under the pending receive.
        }
        catch (Exception exception)
        {
            _log.ListenerStopped($"UDP {LocalEndPoint}", exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Handle(ReadOnlySpan<byte> datagram, SipTransportAddress source)
    {
        if (InboundMessageReader.IsKeepAlive(datagram))
            return;
        var message = InboundMessageReader.Read(datagram, source, _limits, _metrics, out var answer);
        if (message is not null)
            _received.TryWrite(message);
        else if (answer is not null)
            _outgoing.Writer.TryWrite((answer, source.EndPoint));
    }

    private async Task SendQueuedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (message, remote) in _outgoing.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await _socket.SendToAsync(message, SocketFlags.None, remote, cancellationToken).ConfigureAwait(false);
                    _metrics.Sent(SipTransportKind.Udp, message.Span);
                }
                catch (SocketException exception)
                {
                    // That peer is unreachable (or the address unusable); the datagram is lost, the others go on.
                    _log.NotSent(SipTransportKind.Udp, remote, exception);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: nothing to report, the queue's datagrams go with the socket.
        }
    }
}
