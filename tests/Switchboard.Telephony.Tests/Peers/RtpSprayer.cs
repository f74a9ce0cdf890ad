using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Telephony.Tests.Peers;

/// <summary>
/// A third party that knows only the server's RTP port range: from one socket on 127.0.0.1 it sends, round after
/// round, an RTP packet (random sequence number) to every even port and an RTCP receiver report to every odd one,
/// and counts whatever the server sends back to it.
/// </summary>
internal sealed class RtpSprayer : IAsyncDisposable
{
    private const uint Ssrc = 0x5B5B5B5B;

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _spraying;
    private readonly Task _listening;
    private long _rounds;
    private long _received;

    public RtpSprayer(int firstPort, int lastPort)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _spraying = SprayAsync(firstPort, lastPort, _stopping.Token);
        _listening = ListenAsync(_stopping.Token);
    }

    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>Datagrams the server sent to the sprayer.</summary>
    public long Received => Interlocked.Read(ref _received);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Dispose();
        await Task.WhenAll(_spraying, _listening);
        _stopping.Dispose();
    }

    private async Task SprayAsync(int firstPort, int lastPort, CancellationToken cancellationToken)
    {
        // RTP: version 2, PCMU, then sequence, timestamp, SSRC, and 160 bytes of one value.
        var rtp = new byte[12 + 160];
        rtp[0] = 0x80;
        BinaryPrimitives.WriteUInt32BigEndian(rtp.AsSpan(8), Ssrc);
        rtp.AsSpan(12).Fill(0x66);
        // RTCP: a receiver report with no report block (RFC 3550 §6.4.2).
        byte[] rtcp = [0x80, 201, 0, 1, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt32BigEndian(rtcp.AsSpan(4), Ssrc);
        try
        {
            while (true)
            {
                for (var port = firstPort; port <= lastPort; port++)
                {
                    var destination = new IPEndPoint(IPAddress.Loopback, port);
                    if (port % 2 == 0)
                    {
                        var sequence = (ushort)Random.Shared.Next(ushort.MaxValue + 1);
                        BinaryPrimitives.WriteUInt16BigEndian(rtp.AsSpan(2), sequence);
                        BinaryPrimitives.WriteUInt32BigEndian(rtp.AsSpan(4), sequence * 160u);
                        await _socket.SendToAsync(rtp, destination, cancellationToken);
                    }
                    else
                    {
                        await _socket.SendToAsync(rtcp, destination, cancellationToken);
                    }
                }

                Interlocked.Increment(ref _rounds);
                await Task.Delay(2, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        try
        {
            while (true)
            {
                try
                {
                    await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                    Interlocked.Increment(ref _received);
                }
                catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
                {
                    // An ICMP answer to the spray of a port nobody holds.
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }
}
