using Microsoft.Extensions.Logging;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// What went wrong in the endpoint's core above the transports: a handler that failed (the peer got a 500), a
/// response, an ACK or a 2xx retransmission that could not be sent. Each kind is written at most once per window
/// (see <see cref="LogRateLimit"/>), so that a peer repeating the same request cannot flood the log.
/// </summary>
internal sealed partial class SipCoreLog
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly ILogger _logger;
    private readonly LogRateLimit _handlerFailed;
    private readonly LogRateLimit _responseNotSent;
    private readonly LogRateLimit _ackNotRepeated;
    private readonly LogRateLimit _retransmissionNotSent;

    public SipCoreLog(ILogger logger, TimeProvider time)
    {
        _logger = logger;
        _handlerFailed = new LogRateLimit(time, Window);
        _responseNotSent = new LogRateLimit(time, Window);
        _ackNotRepeated = new LogRateLimit(time, Window);
        _retransmissionNotSent = new LogRateLimit(time, Window);
    }

    public static SipCoreLog None { get; } = new(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System);

    internal void HandlerFailed(string method, SipTransportAddress source, Exception exception)
    {
        if (_handlerFailed.TryPass(out var heldBack))
            LogHandlerFailed(method, source, heldBack, exception);
    }

    internal void ResponseNotSent(int statusCode, SipTransportAddress destination, Exception exception)
    {
        if (_responseNotSent.TryPass(out var heldBack))
            LogResponseNotSent(statusCode, destination, heldBack, exception);
    }

    internal void AckNotRepeated(SipTransportAddress destination, Exception exception)
    {
        if (_ackNotRepeated.TryPass(out var heldBack))
            LogAckNotRepeated(destination, heldBack, exception);
    }

    internal void RetransmissionNotSent(SipTransportAddress destination, Exception exception)
    {
        if (_retransmissionNotSent.TryPass(out var heldBack))
            LogRetransmissionNotSent(destination, heldBack, exception);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SIP {Method} from {Source}: its handler failed (the peer got a 500 unless it had been answered) ({HeldBack} more since the previous entry)")]
    private partial void LogHandlerFailed(string method, SipTransportAddress source, int heldBack, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP {StatusCode} response to {Destination} not sent ({HeldBack} more since the previous entry)")]
    private partial void LogResponseNotSent(int statusCode, SipTransportAddress destination, int heldBack, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP ACK repeated for a retransmitted 2xx not sent to {Destination} ({HeldBack} more since the previous entry)")]
    private partial void LogAckNotRepeated(SipTransportAddress destination, int heldBack, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP 2xx retransmission to {Destination} not sent: the next one or the ACK timeout follows ({HeldBack} more since the previous entry)")]
    private partial void LogRetransmissionNotSent(SipTransportAddress destination, int heldBack, Exception exception);
}
