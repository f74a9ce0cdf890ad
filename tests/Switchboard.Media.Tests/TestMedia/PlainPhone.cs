using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.TestMedia;

/// <summary>
/// A phone outside the switchboard on 127.0.0.1: an RTP and an RTCP socket, as its SDP would name them. It speaks
/// one stream of frames whose every byte is its voice, and counts what arrives on each socket, by voice for RTP.
/// </summary>
internal sealed class PlainPhone : IAsyncDisposable
{
    private readonly Socket _rtp = Bound();
    private readonly Socket _rtcp = Bound();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;
    private readonly Lock _lock = new();
    private readonly Dictionary<byte, int> _heard = [];
    private readonly uint _ssrc = (uint)Random.Shared.Next();
    private ushort _sequence = (ushort)Random.Shared.Next();
    private int _reports;

    public PlainPhone(byte voice)
    {
        Voice = voice;
        _receiving = Task.WhenAll(ReceiveAsync(_rtp, isRtcp: false, _stopping.Token), ReceiveAsync(_rtcp, isRtcp: true, _stopping.Token));
    }

    public byte Voice { get; }

    public IPEndPoint RtpEndPoint => (IPEndPoint)_rtp.LocalEndPoint!;

    public IPEndPoint RtcpEndPoint => (IPEndPoint)_rtcp.LocalEndPoint!;

    public int Reports => Volatile.Read(ref _reports);

    public int Heard(PlainPhone speaker) => Heard(speaker.Voice);

    /// <summary>The frames received whose every byte is <paramref name="voice"/>.</summary>
    public int Heard(byte voice)
    {
        lock (_lock)
            return _heard.GetValueOrDefault(voice);
    }

    /// <summary>The next 20 ms frame of its stream, to <paramref name="leg"/>.</summary>
    public void Speak(RtpSession leg)
    {
        var datagram = new byte[RtpHeader.FixedSize + 160];
        var payload = new byte[160];
        Array.Fill(payload, Voice);
        var sequence = _sequence++;
        RtpPacketWriter.Write(datagram, new RtpHeader(0, sequence, sequence * 160u, _ssrc), payload);
        _rtp.SendTo(datagram, leg.LocalRtpEndPoint);
    }

    public override string ToString()
    {
        lock (_lock)
            return $"heard {string.Join(", ", _heard.Select(voice => $"{voice.Value} of voice 0x{voice.Key:X2}"))}, {Reports} reports";
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _rtp.Dispose();
        _rtcp.Dispose();
        await _receiving;
        _stopping.Dispose();
    }

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private async Task ReceiveAsync(Socket socket, bool isRtcp, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (isRtcp)
                {
                    Interlocked.Increment(ref _reports);
                }
                else if (RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet) && !packet.Payload.IsEmpty)
                {
                    lock (_lock)
                        _heard[packet.Payload[0]] = _heard.GetValueOrDefault(packet.Payload[0]) + 1;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Hung up.
        }
    }
}
