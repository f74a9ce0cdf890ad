using System.Net;
using System.Net.Sockets;

namespace Switchboard.Sip.Tests.Fakes;

/// <summary>A raw SIP peer on 127.0.0.1 that sends hand-written text and reads what comes back, over UDP or TCP.</summary>
public sealed class LoopbackPeer : IDisposable
{
    // Only a guard so that a broken test ends; no assertion depends on how long anything takes.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[65_535];
    private int _buffered;

    private LoopbackPeer(Socket socket) => _socket = socket;

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public static LoopbackPeer Udp()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new LoopbackPeer(socket);
    }

    /// <summary>A TCP peer from <paramref name="from"/> (127.0.0.1 by default; any 127.x.y.z is another source address).</summary>
    public static async Task<LoopbackPeer> TcpAsync(IPEndPoint server, IPAddress? from = null, int? receiveBufferBytes = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBufferBytes is { } size)
            socket.ReceiveBufferSize = size;
        socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
        await socket.ConnectAsync(server);
        return new LoopbackPeer(socket);
    }

    /// <summary>Text with "\n" line ends goes out with CRLF; {port} becomes this peer's port.</summary>
    public static byte[] Wire(string text, int port) => TestMessages.Wire(text.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    public async Task SendAsync(byte[] data, IPEndPoint? to = null)
    {
        if (_socket.SocketType == SocketType.Dgram)
            await _socket.SendToAsync(data, SocketFlags.None, to!);
        else
            await _socket.SendAsync(data, SocketFlags.None);
    }

    public Task SendAsync(string text, IPEndPoint? to = null) => SendAsync(Wire(text, LocalEndPoint.Port), to);

    /// <summary>The next message received: a datagram, or one framed from the stream.</summary>
    public async Task<SipMessage> ReceiveAsync() => TestMessages.Parse(await ReceiveBytesAsync());

    /// <summary>The next message as text, unparsed: for answers a strict parser would refuse (a 400 missing a Call-ID).</summary>
    public async Task<string> ReceiveTextAsync() => System.Text.Encoding.UTF8.GetString(await ReceiveBytesAsync());

    private async Task<byte[]> ReceiveBytesAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        if (_socket.SocketType == SocketType.Dgram)
        {
            var result = await _socket.ReceiveFromAsync(_buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), guard.Token);
            return _buffer[..result.ReceivedBytes];
        }
        while (true)
        {
            var frame = SipStreamFramer.Frame(_buffer.AsSpan(0, _buffered));
            if (frame.Status == SipFrameStatus.Message)
            {
                var start = frame.KeepAliveLength;
                var message = _buffer[start..(start + frame.MessageLength)];
                _buffer.AsSpan(start + frame.MessageLength, _buffered - start - frame.MessageLength).CopyTo(_buffer);
                _buffered -= start + frame.MessageLength;
                return message;
            }
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_buffered), SocketFlags.None, guard.Token);
            if (read == 0)
                throw new IOException("The connection was closed.");
            _buffered += read;
        }
    }

    /// <summary>Whether the other side closed this TCP connection (reads until it does).</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        try
        {
            while (await _socket.ReceiveAsync(_buffer, SocketFlags.None, guard.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public void Dispose() => _socket.Dispose();
}
