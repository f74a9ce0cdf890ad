using System.Net;
using Switchboard.Testing.Peers;

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

    private readonly RtpSocket _socket = new();
    private readonly TelephoneEventDigits _digits = new();
    private long _silent;
    private long _sounding;

    public RtpEcho() => _socket.Receive(EchoAsync);

    public int Port => _socket.Port;

    /// <summary>Every RTP packet received.</summary>
    public long Received => _socket.Received;

    /// <summary>Audio frames whose samples are all the same.</summary>
    public long Silent => Interlocked.Read(ref _silent);

    /// <summary>Audio frames whose samples vary.</summary>
    public long Sounding => Interlocked.Read(ref _sounding);

    /// <summary>The digits received as telephone events, each once its event ended.</summary>
    public string Digits => _digits.ToString();

    /// <summary>Completes once <paramref name="condition"/> holds; fails the test, naming <paramref name="what"/>, if it never does.</summary>
    public Task WaitUntilAsync(Func<RtpEcho, bool> condition, string what) =>
        PeerWait.UntilAsync(() => condition(this), () => $"The caller never {what}: {this}.");

    public override string ToString() =>
        $"received {Received} packets ({Silent} silent frames, {Sounding} sounding), digits \"{Digits}\"";

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private async ValueTask EchoAsync(RtpPacket packet, EndPoint source, CancellationToken cancellationToken)
    {
        // Only audio goes back: the digits are for the caller, not for the agent to hear again.
        if (CountAudio(packet))
            await _socket.SendAsync(packet.Datagram, source, cancellationToken);
        else
            _digits.Note(packet);
    }

    /// <summary>Counts an audio frame as silent or sounding; false for a packet that is no audio.</summary>
    private bool CountAudio(RtpPacket packet)
    {
        var payload = packet.Payload.Span;
        if (payload.IsEmpty || packet.PayloadType is not (Pcmu or Pcma))
            return false;
        if (payload.IndexOfAnyExcept(payload[0]) < 0)
            Interlocked.Increment(ref _silent);
        else
            Interlocked.Increment(ref _sounding);
        return true;
    }
}
