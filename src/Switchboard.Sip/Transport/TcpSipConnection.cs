using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Switchboard.Sip.Transport;

/// <summary>
/// One TCP connection: one read buffer, messages cut by <see cref="SipStreamFramer"/>, and a bounded queue of
/// messages to send that its own writer drains, so that whoever sends never waits for the peer. The connection is
/// closed when the peer closes, when the stream loses its framing, when it sits idle or in the middle of a message
/// too long, and when the peer does not take what is sent (a send waits too long, or the queue overflows).
/// </summary>
internal sealed class TcpSipConnection : IAsyncDisposable
{
    // How long a connection whose stream lost its framing stays open for the answers to what was read before.
    private static readonly TimeSpan LostSyncLinger = TimeSpan.FromSeconds(2);
    private readonly Socket _socket;
    private readonly bool _connectFirst;
    private readonly SipTcpOptions _options;
    private readonly TimeProvider _time;
    private readonly SipTransportLog _log;
    private readonly SipMetrics _metrics;
    private readonly Channel<ReadOnlyMemory<byte>> _outgoing;
    private readonly CancellationTokenSource _closing = new();
    private readonly ITimer _deadline;
    private readonly Lock _deadlineGate = new();
    private long _lastActivity;
    private long _partialSince;
    private int _closed;
    private Task _running = Task.CompletedTask;

    private TcpSipConnection(Socket socket, IPEndPoint remote, bool connectFirst, SipTcpOptions options, TimeProvider time, SipTransportLog log,
        SipMetrics metrics)
    {
        _metrics = metrics;
        _socket = socket;
        _connectFirst = connectFirst;
        _options = options;
        _time = time;
        _log = log;
        Remote = remote;
        _outgoing = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(options.SendQueueLength) { SingleReader = true });
        _lastActivity = time.GetTimestamp();
        _deadline = time.CreateTimer(_ => OnDeadline(), null, options.IdleTimeout, Timeout.InfiniteTimeSpan);
    }

    public IPEndPoint Remote { get; }

    /// <summary>A connection a peer opened to this endpoint.</summary>
    public static TcpSipConnection Accepted(Socket socket, SipTcpOptions options, TimeProvider time, SipTransportLog log, SipMetrics metrics)
    {
        socket.NoDelay = true;
        return new TcpSipConnection(socket, (IPEndPoint)socket.RemoteEndPoint!, connectFirst: false, options, time, log, metrics);
    }

    /// <summary>A connection this endpoint opens to <paramref name="remote"/>; it connects when started, and sends take turns after.</summary>
    public static TcpSipConnection Opening(IPEndPoint remote, SipTcpOptions options, TimeProvider time, SipTransportLog log, SipMetrics metrics) =>
        new(new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }, remote, connectFirst: true, options, time, log, metrics);

    /// <summary>Runs until the connection closes, then calls <paramref name="closed"/> once.</summary>
    public void Start(ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, Action<TcpSipConnection> closed) =>
        _running = RunAsync(received, limits, closed, _closing.Token);

    /// <summary>
    /// Queues one whole message for this connection's writer; false when the connection is closed, or when the
    /// queue is full, which closes it: the peer does not drain what it is sent.
    /// </summary>
    public bool TryQueue(ReadOnlyMemory<byte> message)
    {
        if (_outgoing.Writer.TryWrite(message))
            return true;
        Close($"it does not take what is sent ({_options.SendQueueLength} messages wait)");
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        Close(reason: null);
        await _running.ConfigureAwait(false);
        await _deadline.DisposeAsync().ConfigureAwait(false);
        _closing.Dispose();
    }

    private async Task RunAsync(ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, Action<TcpSipConnection> closed, CancellationToken cancellationToken)
    {
        try
        {
            if (_connectFirst)
                await ConnectAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(ReadAsync(received, limits, cancellationToken), WriteAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Closed, or the peer could not be reached: the reason was logged where it was known.
        }
        finally
        {
            Close(reason: null);
            await _deadline.DisposeAsync().ConfigureAwait(false);
            closed(this);
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await _socket.ConnectAsync(Remote, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            Close($"it could not be opened ({(exception is SocketException socketError ? socketError.SocketErrorCode : "timed out")})");
            throw;
        }
        Touch();
    }

    private async Task ReadAsync(ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, CancellationToken cancellationToken)
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
                Touch();
                filled += read;
                if (!TryConsume(buffer, ref filled, source, received, limits, cancellationToken))
                {
                    // The requests read before the break are answered on this connection before it closes.
                    _log.ConnectionClosed(Remote, "the stream lost its framing");
                    await Task.Delay(LostSyncLinger, _time, cancellationToken).ConfigureAwait(false);
                    break;
                }
                MarkPartial(filled > 0);
            }
        }
        catch (SocketException exception)
        {
            // The peer reset the connection or the network broke it; whatever was half-read goes with it.
            _log.ConnectionLost(Remote, exception);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // Closed by us (Close logged why, if there was a reason); whatever was half-read goes with it.
        }
        catch (Exception exception)
        {
            _log.InputFailed(source, exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Close(reason: null);
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.SendTimeout);
                var rest = message;
                try
                {
                    while (!rest.IsEmpty)
                    {
                        var sent = await _socket.SendAsync(rest, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                        rest = rest[sent..];
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Close($"it does not take what is sent (a send waited {_options.SendTimeout.TotalSeconds:0.#} s)");
                    return;
                }
                _metrics.Sent(SipTransportKind.Tcp, message.Span);
                Touch();
            }
        }
        catch (SocketException exception)
        {
            _log.ConnectionLost(Remote, exception);
            Close(reason: null);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // Closed by us (Close logged why, if there was a reason).
            Close(reason: null);
        }
    }

    /// <summary>Hands on every whole message in the buffer and keeps the partial rest; false when the stream lost sync.</summary>
    private bool TryConsume(byte[] buffer, ref int filled, SipTransportAddress source,
        ChannelWriter<SipReceivedMessage> received, SipParserLimits limits, CancellationToken cancellationToken)
    {
        var consumed = 0;
        var inSync = true;
        while (true)
        {
            var frame = SipStreamFramer.Frame(buffer.AsSpan(consumed, filled - consumed), limits);
            consumed += frame.KeepAliveLength;
            if (frame.Status == SipFrameStatus.NeedMoreData)
                break;
            if (frame.Status == SipFrameStatus.Invalid)
            {
                _metrics.Dropped(SipTransportKind.Tcp, frame.Error.Kind);
                inSync = false;
                break;
            }
            SipReceivedMessage? message = null;
            byte[]? answer = null;
            try
            {
                message = InboundMessageReader.Read(buffer.AsSpan(consumed, frame.MessageLength), source, limits, _metrics, out answer);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The message was framed, so the stream is still in sync: only this message is dropped.
                _metrics.Dropped(SipTransportKind.Tcp, SipDropReason.Failed);
                _log.InputFailed(source, exception);
            }
            consumed += frame.MessageLength;
            if (message is not null)
                received.TryWrite(message);
            else if (answer is not null)
                TryQueue(answer);
        }
        buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
        filled -= consumed;
        if (inSync && filled == buffer.Length)
        {
            // The buffer holds the largest message allowed and still no whole one.
            _metrics.Dropped(SipTransportKind.Tcp, SipDropReason.OverLimits);
            inSync = false;
        }
        return inSync;
    }

    private void Touch()
    {
        Volatile.Write(ref _lastActivity, _time.GetTimestamp());
    }

    /// <summary>A message begun and not yet whole starts the incomplete-message clock; a whole one stops it.</summary>
    private void MarkPartial(bool partial)
    {
        if (!partial)
        {
            Volatile.Write(ref _partialSince, 0);
            return;
        }
        if (Volatile.Read(ref _partialSince) != 0)
            return;
        Volatile.Write(ref _partialSince, _time.GetTimestamp());
        Rearm();
    }

    private void OnDeadline() => Rearm();

    /// <summary>Closes the connection when its deadline has passed, else sets the timer to the deadline.</summary>
    private void Rearm()
    {
        lock (_deadlineGate)
        {
            if (Volatile.Read(ref _closed) != 0)
                return;
            var partialSince = Volatile.Read(ref _partialSince);
            var (since, limit, reason) = partialSince != 0
                ? (partialSince, _options.IncompleteMessageTimeout, "a message stayed incomplete")
                : (Volatile.Read(ref _lastActivity), _options.IdleTimeout, "it was idle");
            var left = limit - _time.GetElapsedTime(since);
            if (left <= TimeSpan.Zero)
            {
                Close($"{reason} for {limit.TotalSeconds:0.#} s");
                return;
            }
            _deadline.Change(left, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Closes once: the socket, the queue and the loops; a reason is logged (rate-limited).</summary>
    private void Close(string? reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
            return;
        if (reason is not null)
            _log.ConnectionClosed(Remote, reason);
        _outgoing.Writer.TryComplete();
        _closing.Cancel();
        _socket.Dispose();
    }
}
