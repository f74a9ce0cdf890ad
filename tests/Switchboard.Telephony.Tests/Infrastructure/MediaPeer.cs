using System.Buffers.Binary;
using System.Net;

namespace Switchboard.Telephony.Tests.Infrastructure;

/// <summary>
/// The media of a sipp caller or agent device, which talks and listens: an <see cref="RtpSocket"/> whose port the test
/// writes into the peer's SDP. Once the switchboard has sent it a first packet it talks back to where that came from
/// (symmetric RTP) in 20 ms PCMU frames of its own <see cref="Voice"/>: every byte of the payload the same, which a
/// bridge between two PCMU legs passes on unchanged, so that a listener tells this peer's voice from music or anyone
/// else's. It counts what it receives: all RTP, each voice, and the RFC 4733 digits.
/// </summary>
internal sealed class MediaPeer : IAsyncDisposable
{
    private const int FrameSamples = 160;
    private const byte Pcmu = 0;

    private readonly RtpSocket _socket = new();
    private readonly TaskCompletionSource<EndPoint> _firstSource = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TelephoneEventDigits _digits = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<byte, long> _heard = [];
    private long _sent;

    /// <param name="voice">The byte every sample of this peer's speech is; not a G.711 silence (0xFF, 0x7F).</param>
    public MediaPeer(byte voice)
    {
        Voice = voice;
        _socket.Receive(HearAsync);
        _socket.Run(TalkAsync);
    }

    public byte Voice { get; }

    public int Port => _socket.Port;

    /// <summary>Every RTP packet received.</summary>
    public long Received => _socket.Received;

    /// <summary>The packets this peer has spoken.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The digits received as telephone events, each once its event ended.</summary>
    public string Digits => _digits.ToString();

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
    public Task WaitUntilAsync(Func<MediaPeer, bool> condition, string what) =>
        PeerWait.UntilAsync(() => condition(this), () => $"Never {what}: {this}.");

    public override string ToString()
    {
        lock (_lock)
            return $"received {Received} ({string.Join(", ", _heard.Select(voice => $"{voice.Value} of voice 0x{voice.Key:X2}"))}), digits \"{Digits}\", sent {Sent}";
    }

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private ValueTask HearAsync(RtpPacket packet, EndPoint source, CancellationToken cancellationToken)
    {
        _firstSource.TrySetResult(source);
        var payload = packet.Payload.Span;
        if (!payload.IsEmpty && !_digits.Note(packet) && packet.PayloadType == Pcmu)
        {
            // A frame that is one byte throughout is a peer's voice; a varying one is the switchboard's sound.
            var voice = payload.IndexOfAnyExcept(payload[0]) < 0 ? payload[0] : (byte)0;
            lock (_lock)
                _heard[voice] = _heard.GetValueOrDefault(voice) + 1;
        }

        return ValueTask.CompletedTask;
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
            await _socket.SendAsync(packet, destination, cancellationToken);
            Interlocked.Increment(ref _sent);
        }
    }
}
