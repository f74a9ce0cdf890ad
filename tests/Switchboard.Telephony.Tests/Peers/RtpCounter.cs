using System.Net;

namespace Switchboard.Telephony.Tests.Peers;

/// <summary>
/// The media address a test writes into sipp's SDP: counts the RTP packets the server sends to the caller and, when
/// asked, sends each straight back to where it came from, so that the caller "talks" as much as it hears.
/// </summary>
internal sealed class RtpCounter : IAsyncDisposable
{
    private readonly RtpSocket _socket = new();
    private readonly bool _echo;

    public RtpCounter(bool echo)
    {
        _echo = echo;
        _socket.Receive(EchoAsync);
    }

    public int Port => _socket.Port;

    public long Received => _socket.Received;

    /// <summary>Completes once <paramref name="count"/> packets have arrived; fails the test if they never do.</summary>
    public Task WaitForAsync(long count) =>
        PeerWait.UntilAsync(() => Received >= count, () => $"Only {Received} RTP packets of {count} arrived.");

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private ValueTask EchoAsync(RtpPacket packet, EndPoint source, CancellationToken cancellationToken) =>
        _echo ? _socket.SendAsync(packet.Datagram, source, cancellationToken) : ValueTask.CompletedTask;
}
