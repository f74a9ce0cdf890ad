using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>
/// The media of a sipp caller or agent device, which talks and listens: a UDP socket whose port the test writes into
/// the peer's SDP. Once the switchboard has sent it a first packet it talks back to where that came from (symmetric
/// RTP) in 20 ms PCMU frames of its own <see cref="Voice"/>: every byte of the payload the same, which a bridge
/// between two PCMU legs passes on unchanged, so that a listener tells this peer's voice from music or anyone else's.
/// It counts what it receives: all RTP, each voice, and the RFC 4733 digits.
/// </summary>
internal sealed class MediaPeer : IAsyncDisposable
{
    private const int FrameSamples = 160;
    private const byte Pcmu = 0;
    // The telephone-event payload type every SDP of these tests offers or answers.
    private const byte TelephoneEvent = 101;
    private const string EventDigits = "0123456789*#ABCD";

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;
    private readonly TaskCompletionSource<EndPoint> _firstSource = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _talking;
    private readonly Lock _lock = new();
    private readonly Dictionary<byte, long> _heard = [];
    private readonly HashSet<uint> _endedEvents = [];
    private readonly StringBuilder _digits = new();
    private long _received;
    private long _sent;

    /// <param name="voice">The byte every sample of this peer's speech is; not a G.711 silence (0xFF, 0x7F).</param>
    public MediaPeer(byte voice)
    {
        Voice = voice;
        // Even ports, as RTP wants (RFC 3550 §11), in the range that the servers' RTP pools and the kernel's leave free.
        var start = FreePort.UdpRun(2);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, start));
        _receiving = ReceiveAsync(_stopping.Token);
        _talking = TalkAsync(_stopping.Token);
    }

    public byte Voice { get; }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Every RTP packet received.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>The packets this peer has spoken.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The digits received as telephone events, each once its event ended.</summary>
    public string Digits
    {
        get
        {
            lock (_lock)
                return _digits.ToString();
        }
    }

    /// <summary>The packets received that carry <paramref name="speaker"/>'s voice.</summary>
    public long Heard(MediaPeer speaker)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        lock (_lock)
            return _heard.GetValueOrDefault(speaker.Voice);
    }

    /// <summary>The audio packets received that carry none of <paramref name="speakers"/>' voices: the switchboard's own sound, such as music on hold.</summary>
    public long HeardBesides(params MediaPeer[] speakers)
    {
        ArgumentNullException.ThrowIfNull(speakers);
        lock (_lock)
            return _heard.Where(voice => speakers.All(speaker => speaker.Voice != voice.Key)).Sum(voice => voice.Value);
    }

    /// <summary>Completes once <paramref name="condition"/> holds; fails the test, naming <paramref name="what"/>, if it never does.</summary>
    public async Task WaitUntilAsync(Func<MediaPeer, bool> condition, string what)
    {
        using var guard = new CancellationTokenSource(PeerWait.Guard);
        while (!condition(this))
        {
            Assert.False(guard.IsCancellationRequested, $"Never {what}: {this}.");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    public override string ToString()
    {
        lock (_lock)
            return $"received {Received} ({string.Join(", ", _heard.Select(voice => $"{voice.Value} of voice 0x{voice.Key:X2}"))}), digits \"{_digits}\", sent {Sent}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Dispose();
        foreach (var task in new[] { _receiving, _talking })
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
            _firstSource.TrySetResult(received.RemoteEndPoint);
            Count(buffer.AsSpan(0, received.ReceivedBytes));
        }
    }

    private void Count(ReadOnlySpan<byte> packet)
    {
        var payloadType = (byte)(packet[1] & 0x7F);
        var headerLength = 12 + 4 * (packet[0] & 0x0F);
        if ((packet[0] & 0x10) != 0 && packet.Length >= headerLength + 4)
            headerLength += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(headerLength + 2)..]);
        if (packet.Length <= headerLength)
            return;
        var payload = packet[headerLength..];
        lock (_lock)
        {
            if (payloadType == TelephoneEvent && payload.Length >= 4)
            {
                // An event's end is sent three times under the event's timestamp (RFC 4733 §2.5.1.4): one digit.
                var ended = (payload[1] & 0x80) != 0;
                if (ended && payload[0] < EventDigits.Length && _endedEvents.Add(BinaryPrimitives.ReadUInt32BigEndian(packet[4..])))
                    _digits.Append(EventDigits[payload[0]]);
            }
            else if (payloadType == Pcmu)
            {
                // A frame that is one byte throughout is a peer's voice; a varying one is the switchboard's sound.
                var voice = payload.IndexOfAnyExcept(payload[0]) < 0 ? payload[0] : (byte)0;
                _heard[voice] = _heard.GetValueOrDefault(voice) + 1;
            }
        }
    }

    /// <summary>Talks from the first packet received on, to where it came from, until disposed.</summary>
    private async Task TalkAsync(CancellationToken cancellationToken)
    {
        var destination = await _firstSource.Task.WaitAsync(cancellationToken);
        var packet = new byte[12 + FrameSamples];
        var ssrc = (uint)Random.Shared.Next();
        packet[0] = 0x80;
        packet[1] = Pcmu;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        packet.AsSpan(12).Fill(Voice);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        for (ushort sequence = 0; await timer.WaitForNextTickAsync(cancellationToken); sequence++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(sequence * FrameSamples));
            await _socket.SendToAsync(packet, SocketFlags.None, destination, cancellationToken);
            Interlocked.Increment(ref _sent);
        }
    }
}
