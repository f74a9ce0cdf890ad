using Microsoft.Extensions.Logging;

namespace Switchboard.Telephony;

/// <summary>What telephony itself logs: the faults that ended a call or an admission, and the INVITEs it refused unheard.</summary>
internal static partial class TelephonyLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId} ({SipCallId}) failed and was ended: every leg hung up, its media released")]
    public static partial void CallFaulted(ILogger logger, Exception exception, Guid callId, string sipCallId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ending call {CallId} after a fault failed at one step; the other steps went on")]
    public static partial void CallCleanupFaulted(ILogger logger, Exception exception, Guid callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Admitting the INVITE {SipCallId} from {Source} failed; it was answered 500")]
    public static partial void AdmissionFaulted(ILogger logger, Exception exception, string sipCallId, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "INVITE {SipCallId} from {Source} refused {StatusCode}: {Detail}")]
    public static partial void InviteRefused(ILogger logger, string sipCallId, string source, int statusCode, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scenario of call {CallId} failed; the call is ended")]
    public static partial void ScenarioFaulted(ILogger logger, Exception exception, Guid callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} could not ring agent {AgentId} for its offer; the ACD hears the offer failed")]
    public static partial void OfferNotRung(ILogger logger, Exception exception, Guid callId, Guid agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} could not be forwarded to {Target} ({Reason}); its scenario goes on")]
    public static partial void ForwardNotPlaced(ILogger logger, Guid callId, string target, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telephony stops: new INVITEs are answered 503, {Count} live calls are hung up")]
    public static partial void Stopping(ILogger logger, int count);
}
