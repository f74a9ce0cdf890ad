using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Rtp;

namespace Switchboard.Testing.Peers;

/// <summary>
/// A third party that knows only the server's RTP port range: from one socket it sends, round after round,
/// an RTP packet (random sequence number) to every even port and an RTCP report to every odd one, and counts
/// whatever comes back to it.
/// </summary>
public sealed class RtpSprayer : IAsyncDisposable
{
    private const uint Ssrc = 0x5B5B5B5B;
    /// <summary>Every byte of the sprayed audio: a party that hears it heard the sprayer.</summary>
    public const byte Voice = 0x66;

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

    /// <summary>Whole passes over the range so far.</summary>
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
        var rtp = new byte[RtpHeader.FixedSize + 160];
        var payload = new byte[160];
        Array.Fill(payload, Voice);
        var rtcp = new byte[128];
        var rtcpLength = RtcpWriter.WriteReport(rtcp, Ssrc, null, new RtcpReportBlock(Ssrc, 0, 0, 0, 0, 0, 0), "spray@example"u8);
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
                        RtpPacketWriter.Write(rtp, new RtpHeader(0, sequence, sequence * 160u, Ssrc), payload);
                        await _socket.SendToAsync(rtp, destination, cancellationToken);
                    }
                    else
                    {
                        await _socket.SendToAsync(rtcp.AsMemory(0, rtcpLength), destination, cancellationToken);
                    }
                }

                Interlocked.Increment(ref _rounds);
                await Task.Delay(1, cancellationToken);
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
