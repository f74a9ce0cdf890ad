using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Browser.Tests.Workspace;

/// <summary>
/// The caller's media address in sipp's SDP: sends each audio packet the switchboard sends the caller back to it, so
/// that the agent's browser hears the caller too (it hears itself, which needs both directions), and tells apart
/// what the caller hears: silent frames (every sample the same, as a muted or quiet webphone sends), sounding frames
/// (samples that vary: music on hold, the fake microphone's beep), and RFC 4733 digits.
/// </summary>
public sealed class RtpEcho : IAsyncDisposable
{
    private const byte Pcmu = 0;
    private const byte Pcma = 8;
    // The telephone-event payload type of sipp's offer (SippMessages).
    private const byte TelephoneEvent = 101;
    private const string EventDigits = "0123456789*#ABCD";

    // Bounds every wait for what the caller hears, so that a broken call fails the test instead of hanging it.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;
    private readonly Lock _lock = new();
    private readonly HashSet<uint> _endedEvents = [];
    private readonly StringBuilder _digits = new();
    private long _received;
    private long _silent;
    private long _sounding;

    public RtpEcho()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _receiving = EchoAsync(_stopping.Token);
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Every RTP packet received.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Audio frames whose samples are all the same.</summary>
    public long Silent => Interlocked.Read(ref _silent);

    /// <summary>Audio frames whose samples vary.</summary>
    public long Sounding => Interlocked.Read(ref _sounding);

    /// <summary>The digits received as telephone events, each once its event ended.</summary>
    public string Digits
    {
        get
        {
            lock (_lock)
                return _digits.ToString();
        }
    }

    /// <summary>Completes once <paramref name="condition"/> holds; fails the test, naming <paramref name="what"/>, if it never does.</summary>
    public async Task WaitUntilAsync(Func<RtpEcho, bool> condition, string what)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!condition(this))
        {
            Assert.False(guard.IsCancellationRequested, $"The caller never {what}: {this}.");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    public override string ToString() =>
        $"received {Received} packets ({Silent} silent frames, {Sounding} sounding), digits \"{Digits}\"";

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

    private async Task EchoAsync(CancellationToken cancellationToken)
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
            // Only audio goes back: the digits are for the caller, not for the agent to hear again.
            if (Count(buffer.AsSpan(0, received.ReceivedBytes)))
                await _socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint, cancellationToken);
        }
    }

    /// <summary>Counts what the packet carries; true for audio.</summary>
    private bool Count(ReadOnlySpan<byte> packet)
    {
        var payloadType = (byte)(packet[1] & 0x7F);
        var headerLength = 12 + 4 * (packet[0] & 0x0F);
        if ((packet[0] & 0x10) != 0 && packet.Length >= headerLength + 4)
            headerLength += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(headerLength + 2)..]);
        if (packet.Length <= headerLength)
            return false;
        var payload = packet[headerLength..];
        if (payloadType is Pcmu or Pcma)
        {
            if (payload.IndexOfAnyExcept(payload[0]) < 0)
                Interlocked.Increment(ref _silent);
            else
                Interlocked.Increment(ref _sounding);
            return true;
        }

        // An event's end is sent three times under the event's timestamp (RFC 4733 §2.5.1.4): one digit.
        if (payloadType == TelephoneEvent && payload.Length >= 4 && (payload[1] & 0x80) != 0 && payload[0] < EventDigits.Length)
        {
            lock (_lock)
            {
                if (_endedEvents.Add(BinaryPrimitives.ReadUInt32BigEndian(packet[4..])))
                    _digits.Append(EventDigits[payload[0]]);
            }
        }

        return false;
    }
}
