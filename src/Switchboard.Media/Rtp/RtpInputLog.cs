using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switchboard.Media.Rtp;

/// <summary>
/// Writes a datagram that broke a leg's receive loop at most once per <see cref="Window"/> across every
/// session of a port pool, so that a flood of bad input over the whole range cannot flood the log; the
/// entries held back are counted, and the next one that passes says how many.
/// </summary>
public sealed partial class RtpInputLog(ILogger logger, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private long _windowEnds = long.MinValue;
    private int _heldBack;

    public static RtpInputLog None { get; } = new(NullLogger.Instance, TimeProvider.System);

    /// <summary>The datagram from <paramref name="source"/> to <paramref name="local"/> threw <paramref name="exception"/> and was dropped.</summary>
    public void DatagramFailed(IPEndPoint local, SocketAddress source, Exception exception)
    {
        var now = time.GetTimestamp();
        int heldBack;
        lock (_gate)
        {
            if (now < _windowEnds)
            {
                _heldBack++;
                return;
            }

            _windowEnds = now + (long)(Window.TotalSeconds * time.TimestampFrequency);
            heldBack = _heldBack;
            _heldBack = 0;
        }

        LogDatagramFailed(local.Port, new IPEndPoint(IPAddress.Any, 0).Create(source).ToString()!, heldBack, exception);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP datagram to port {Port} from {Source} broke its handling and was dropped ({HeldBack} more since the previous entry)")]
    private partial void LogDatagramFailed(int port, string source, int heldBack, Exception exception);
}
