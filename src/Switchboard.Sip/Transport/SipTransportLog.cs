using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.Transport;

/// <summary>
/// What went wrong at the SIP edge: input that broke its handling, connections refused, closed or lost, messages the
/// network would not take, listeners that stopped. Each kind is written at most once per window (see
/// <see cref="LogRateLimit"/>); a listener's stop always is.
/// </summary>
internal sealed partial class SipTransportLog
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly ILogger _logger;
    private readonly LogRateLimit _inputFailed;
    private readonly LogRateLimit _dispatchFailed;
    private readonly LogRateLimit _connectionRefused;
    private readonly LogRateLimit _connectionClosed;
    private readonly LogRateLimit _acceptFailed;
    private readonly LogRateLimit _receiveQueueFull;
    private readonly LogRateLimit _receiveError;
    private readonly LogRateLimit _notSent;
    private readonly LogRateLimit _connectionLost;

    public SipTransportLog(ILogger logger, TimeProvider time)
    {
        _logger = logger;
        _inputFailed = new LogRateLimit(time, Window);
        _dispatchFailed = new LogRateLimit(time, Window);
        _connectionRefused = new LogRateLimit(time, Window);
        _connectionClosed = new LogRateLimit(time, Window);
        _acceptFailed = new LogRateLimit(time, Window);
        _receiveQueueFull = new LogRateLimit(time, Window);
        _receiveError = new LogRateLimit(time, Window);
        _notSent = new LogRateLimit(time, Window);
        _connectionLost = new LogRateLimit(time, Window);
    }

    public static SipTransportLog None { get; } = new(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System);

    internal void InputFailed(SipTransportAddress source, Exception exception)
    {
        if (_inputFailed.TryPass(out var heldBack))
            LogInputFailed(source.ToString(), heldBack, exception);
    }

    internal void DispatchFailed(SipTransportAddress source, string message, Exception exception)
    {
        if (_dispatchFailed.TryPass(out var heldBack))
            LogDispatchFailed(message, source.ToString(), heldBack, exception);
    }

    internal void ConnectionRefused(IPEndPoint remote, string reason)
    {
        if (_connectionRefused.TryPass(out var heldBack))
            LogConnectionRefused(remote.ToString(), reason, heldBack);
    }

    internal void ConnectionClosed(IPEndPoint remote, string reason)
    {
        if (_connectionClosed.TryPass(out var heldBack))
            LogConnectionClosed(remote.ToString(), reason, heldBack);
    }

    internal void AcceptFailed(IPEndPoint listener, Exception exception)
    {
        if (_acceptFailed.TryPass(out var heldBack))
            LogAcceptFailed(listener.ToString(), heldBack, exception);
    }

    internal void ReceiveQueueFull(SipTransportAddress source)
    {
        if (_receiveQueueFull.TryPass(out var heldBack))
            LogReceiveQueueFull(source.ToString(), heldBack);
    }

    internal void ListenerStopped(string listener, Exception exception) => LogListenerStopped(listener, exception);

    /// <summary>A UDP receive reported an error that concerns one peer (an ICMP error for an earlier send); the loop goes on.</summary>
    internal void ReceiveError(IPEndPoint listener, SocketException exception)
    {
        if (_receiveError.TryPass(out var heldBack))
            LogReceiveError(listener, exception.SocketErrorCode, heldBack);
    }

    /// <summary>A message the network did not take; SIP's retransmissions and timeouts deal with the loss.</summary>
    internal void NotSent(SipTransportKind transport, IPEndPoint remote, Exception exception)
    {
        if (_notSent.TryPass(out var heldBack))
            LogNotSent(transport, remote, heldBack, exception);
    }

    /// <summary>A TCP connection the peer reset or the network broke, with whatever was half-read or queued on it.</summary>
    internal void ConnectionLost(IPEndPoint remote, Exception exception)
    {
        if (_connectionLost.TryPass(out var heldBack))
            LogConnectionLost(remote, heldBack, exception);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP input from {Source} broke its handling and was dropped ({HeldBack} more since the previous entry)")]
    private partial void LogInputFailed(string source, int heldBack, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "SIP {Message} from {Source} failed in the core and was dropped ({HeldBack} more since the previous entry)")]
    private partial void LogDispatchFailed(string message, string source, int heldBack, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP TCP connection from {Remote} refused: {Reason} ({HeldBack} more since the previous entry)")]
    private partial void LogConnectionRefused(string remote, string reason, int heldBack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP TCP connection with {Remote} closed: {Reason} ({HeldBack} more since the previous entry)")]
    private partial void LogConnectionClosed(string remote, string reason, int heldBack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP TCP listener {Listener} could not accept a connection ({HeldBack} more since the previous entry)")]
    private partial void LogAcceptFailed(string listener, int heldBack, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP receive queue full: messages dropped, the last from {Source} ({HeldBack} more since the previous entry)")]
    private partial void LogReceiveQueueFull(string source, int heldBack);

    [LoggerMessage(Level = LogLevel.Critical, Message = "SIP listener {Listener} stopped; it no longer receives")]
    private partial void LogListenerStopped(string listener, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP UDP listener {Listener} received {Error} for an earlier send; it goes on ({HeldBack} more since the previous entry)")]
    private partial void LogReceiveError(IPEndPoint listener, SocketError error, int heldBack);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP {Transport} message to {Remote} not sent ({HeldBack} more since the previous entry)")]
    private partial void LogNotSent(SipTransportKind transport, IPEndPoint remote, int heldBack, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP TCP connection with {Remote} lost ({HeldBack} more since the previous entry)")]
    private partial void LogConnectionLost(IPEndPoint remote, int heldBack, Exception exception);
}
