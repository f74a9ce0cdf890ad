using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>Writes calls to the server log: refused and failed ones as warnings, so that an operator sees who knocked and why.</summary>
public sealed partial class CallLog(ILogger<CallLog> logger) : ICallObserver
{
    public void OnCallEvent(CallEvent callEvent)
    {
        if (callEvent is not CallFinished { Summary: var call })
            return;
        if (call.Result is CallResult.Refused or CallResult.NotFound or CallResult.Failed or CallResult.ForwardFailed)
            LogRefused(call.SipCallId, call.CallerNumber, call.DialledNumber, call.Result, call.Detail);
        else
            LogEnded(call.SipCallId, call.CallerNumber, call.DialledNumber, call.Result,
                call.CallerMedia?.PacketsReceived ?? 0, call.CallerMedia?.PacketsSent ?? 0,
                call.CalleeMedia?.PacketsReceived ?? 0, call.CalleeMedia?.PacketsSent ?? 0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {SipCallId} from {Caller} to {Dialled} ended {Result}: {Detail}")]
    private partial void LogRefused(string sipCallId, string? caller, string dialled, CallResult result, string detail);

    // The RTP counts let an operator (and the load bench) see that a call carried audio both ways.
    [LoggerMessage(Level = LogLevel.Information, Message = "Call {SipCallId} from {Caller} to {Dialled} ended {Result}; " +
        "RTP caller leg in {CallerIn} out {CallerOut}, called leg in {CalleeIn} out {CalleeOut}")]
    private partial void LogEnded(string sipCallId, string? caller, string dialled, CallResult result,
        long callerIn, long callerOut, long calleeIn, long calleeOut);
}
