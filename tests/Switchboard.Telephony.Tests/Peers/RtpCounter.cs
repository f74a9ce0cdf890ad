using System.Net;
using System.Net.Sockets;

namespace Switchboard.Telephony.Tests.Peers;

/// <summary>
/// The media address a test writes into sipp's SDP: counts the RTP packets the server sends to the caller and, when
/// asked, sends each straight back to where it came from, so that the caller "talks" as much as it hears.
/// </summary>
internal sealed class RtpCounter : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;
    private readonly bool _echo;
    private long _received;

    public RtpCounter(bool echo)
    {
        _echo = echo;
        // An even port, as RTP wants (RFC 3550 §11); the odd one above is left for RTCP nobody reads.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                _socket.Bind(new IPEndPoint(IPAddress.Loopback, FreePort.RangeStart(2) + 10_000));
                break;
            }
            catch (SocketException) when (attempt < 50)
            {
                // Taken: another.
            }
        }

        _receiving = ReceiveAsync(_stopping.Token);
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Completes once <paramref name="count"/> packets have arrived; fails the test if they never do.</summary>
    public async Task WaitForAsync(long count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Received < count)
        {
            Assert.False(guard.IsCancellationRequested, $"Only {Received} RTP packets of {count} arrived.");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Dispose();
        try
        {
            await _receiving;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }

        _stopping.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            // RTP version 2 in the first two bits; anything else is not media.
            if (received.ReceivedBytes < 12 || buffer[0] >> 6 != 2)
                continue;
            Interlocked.Increment(ref _received);
            if (_echo)
                await _socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint, cancellationToken);
        }
    }
}
