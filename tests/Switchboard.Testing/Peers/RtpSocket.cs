using System.Net;
using System.Net.Sockets;

namespace Switchboard.Testing.Peers;

/// <summary>
/// The media address of a test peer, whose port the test writes into the peer's SDP: a UDP socket on 127.0.0.1 that
/// receives RTP until disposed and hands each packet to its owner, which may send from it too.
/// </summary>
public sealed class RtpSocket : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];
    private long _received;

    /// <summary>Binds an even port, as RTP wants (RFC 3550 §11), in the range that the servers' RTP pools and the kernel's leave free.</summary>
    public RtpSocket()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                _socket.Bind(new IPEndPoint(IPAddress.Loopback, FreePort.UdpRun(2)));
                return;
            }
            catch (SocketException) when (attempt < 50)
            {
                // Taken between the check and the bind: another.
            }
        }
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Every RTP packet received.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Receives until disposed: each RTP packet is counted, then handed to <paramref name="onPacket"/> with where it came from.</summary>
    public void Receive(Func<RtpPacket, EndPoint, CancellationToken, ValueTask> onPacket) => _running.Add(ReceiveAsync(onPacket, _stopping.Token));

    /// <summary>Runs <paramref name="loop"/> of the owner (a talker, say) until disposed.</summary>
    public void Run(Func<CancellationToken, Task> loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        _running.Add(loop(_stopping.Token));
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram, EndPoint destination, CancellationToken cancellationToken) =>
        await _socket.SendToAsync(datagram, SocketFlags.None, destination, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Dispose();
        foreach (var task in _running)
        {
            try
            {
                await task;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }

        _stopping.Dispose();
    }

    private async Task ReceiveAsync(Func<RtpPacket, EndPoint, CancellationToken, ValueTask> onPacket, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            if (!RtpPacket.IsRtp(buffer.AsSpan(0, received.ReceivedBytes)))
                continue;
            Interlocked.Increment(ref _received);
            await onPacket(new RtpPacket(buffer.AsMemory(0, received.ReceivedBytes)), received.RemoteEndPoint, cancellationToken);
        }
    }
}
