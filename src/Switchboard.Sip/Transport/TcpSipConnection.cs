using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Switchboard.Sip.Transport;

/// <summary>
/// One TCP connection: one read buffer, messages cut by <see cref="SipStreamFramer"/>, sends serialised so that
/// messages never interleave. A stream that cannot be framed has lost sync and is closed; nothing else is touched.
/// </summary>
internal sealed class TcpSipConnection : IAsyncDisposable
{
    // How long a connection whose stream lost its framing stays open for the answers to what was read before.
    private static readonly TimeSpan LostSyncLinger = TimeSpan.FromSeconds(2);
    private readonly Socket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _reading = Task.CompletedTask;

    private readonly SipInputLog _log;

    public TcpSipConnection(Socket socket, SipInputLog log)
    {
        _log = log;
        _socket = socket;
        _socket.NoDelay = true;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
    }

    public IPEndPoint Remote { get; }

    /// <summary>Reads until the peer closes, the stream loses sync or the connection is disposed, then calls <paramref name="closed"/>.</summary>
    public void StartReading(ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, Action<TcpSipConnection> closed) =>
        _reading = ReadAsync(received, limits, closed, _closing.Token);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!message.IsEmpty)
            {
                var sent = await _socket.SendAsync(message, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                message = message[sent..];
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _reading.ConfigureAwait(false);
        _closing.Dispose();
        _sending.Dispose();
    }

    private async Task ReadAsync(ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, Action<TcpSipConnection> closed, CancellationToken cancellationToken)
    {
        // Keep-alives are discarded as they are framed, so the largest message is all the buffer must hold.
        var buffer = ArrayPool<byte>.Shared.Rent(limits.MaxMessageSize);
        var source = new SipTransportAddress(SipTransportKind.Tcp, Remote);
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                filled += read;
                if (!await TryConsumeAsync(buffer, ref filled, source, received, limits, cancellationToken).ConfigureAwait(false))
                {
                    // The requests read before the break are answered on this connection before it closes.
                    _log.ConnectionClosed(Remote, "the stream lost its framing");
                    await Task.Delay(LostSyncLinger, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The connection is gone; whatever was half-read goes with it.
        }
        catch (Exception exception)
        {
            _log.InputFailed(source, exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _socket.Dispose();
            closed(this);
        }
    }

    /// <summary>Hands on every whole message in the buffer and keeps the partial rest; false when the stream lost sync.</summary>
    private ValueTask<bool> TryConsumeAsync(byte[] buffer, ref int filled, SipTransportAddress source,
        ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, CancellationToken cancellationToken)
    {
        var consumed = 0;
        List<byte[]>? answers = null;
        var inSync = true;
        while (true)
        {
            var frame = SipStreamFramer.Frame(buffer.AsSpan(consumed, filled - consumed), limits);
            consumed += frame.KeepAliveLength;
            if (frame.Status == SipFrameStatus.NeedMoreData)
                break;
            if (frame.Status == SipFrameStatus.Invalid)
            {
                inSync = false;
                break;
            }
            SipReceivedMessage? message = null;
            byte[]? answer = null;
            try
            {
                message = InboundMessageReader.Read(buffer.AsSpan(consumed, frame.MessageLength), source, limits, out answer);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The message was framed, so the stream is still in sync: only this message is dropped.
                _log.InputFailed(source, exception);
            }
            consumed += frame.MessageLength;
            if (message is not null)
                received.TryWrite(message);
            else if (answer is not null)
                (answers ??= []).Add(answer);
        }
        buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
        filled -= consumed;
        if (inSync && filled == buffer.Length)
            inSync = false;
        return answers is null ? ValueTask.FromResult(inSync) : SendAnswersAsync(answers, inSync, cancellationToken);
    }

    private async ValueTask<bool> SendAnswersAsync(List<byte[]> answers, bool inSync, CancellationToken cancellationToken)
    {
        foreach (var answer in answers)
            await SendAsync(answer, cancellationToken).ConfigureAwait(false);
        return inSync;
    }
}
