using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switchboard.Media.Rtp;

/// <summary>
/// What went wrong on the media path, across every session of a port pool: a datagram that broke a leg's receive
/// loop, a receive or a send the network refused, a port pair another program holds. Each kind is written at most
/// once per <see cref="Window"/>, so that a flood over the whole range cannot flood the log; the entries held back
/// are counted, and the next one that passes says how many.
/// </summary>
public sealed partial class RtpLog(ILogger logger, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly RateLimit _datagramFailed = new(time);
    private readonly RateLimit _receiveError = new(time);
    private readonly RateLimit _notSent = new(time);

    public static RtpLog None { get; } = new(NullLogger.Instance, TimeProvider.System);

    /// <summary>The datagram from <paramref name="source"/> to <paramref name="local"/> threw <paramref name="exception"/> and was dropped.</summary>
    public void DatagramFailed(IPEndPoint local, SocketAddress source, Exception exception)
    {
        if (_datagramFailed.TryPass(out var heldBack))
            LogDatagramFailed(local.Port, new IPEndPoint(IPAddress.Any, 0).Create(source).ToString()!, heldBack, exception);
    }

    /// <summary>A receive on <paramref name="local"/> reported an error for one peer (ICMP unreachable, an oversized datagram); the loop goes on.</summary>
    internal void ReceiveError(IPEndPoint local, SocketException exception)
    {
        if (_receiveError.TryPass(out var heldBack))
            LogReceiveError(local.Port, exception.SocketErrorCode, heldBack);
    }

    /// <summary>A packet from <paramref name="localPort"/> the network did not take; media goes on with the next one.</summary>
    internal void NotSent(int localPort, Exception exception)
    {
        if (_notSent.TryPass(out var heldBack))
            LogNotSent(localPort, heldBack, exception);
    }

    /// <summary>Another program holds a port of the pair the pool handed out; the session tries the next pair.</summary>
    internal void PortTaken(int rtpPort) => LogPortTaken(rtpPort);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP datagram to port {Port} from {Source} broke its handling and was dropped ({HeldBack} more since the previous entry)")]
    private partial void LogDatagramFailed(int port, string source, int heldBack, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "RTP receive on port {Port} reported {Error}; it goes on ({HeldBack} more since the previous entry)")]
    private partial void LogReceiveError(int port, SocketError error, int heldBack);

    [LoggerMessage(Level = LogLevel.Debug, Message = "RTP packet from port {Port} not sent ({HeldBack} more since the previous entry)")]
    private partial void LogNotSent(int port, int heldBack, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "RTP port pair from {Port} is held by another program; the next pair is tried")]
    private partial void LogPortTaken(int port);

    private sealed class RateLimit(TimeProvider time)
    {
        private readonly Lock _gate = new();
        private long _windowEnds = long.MinValue;
        private int _heldBack;

        public bool TryPass(out int heldBack)
        {
            var now = time.GetTimestamp();
            lock (_gate)
            {
                if (now < _windowEnds)
                {
                    _heldBack++;
                    heldBack = 0;
                    return false;
                }

                _windowEnds = now + (long)(Window.TotalSeconds * time.TimestampFrequency);
                heldBack = _heldBack;
                _heldBack = 0;
                return true;
            }
        }
    }
}
