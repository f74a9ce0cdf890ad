using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Audio;
using Switchboard.Sip;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Telephony.Calls;

/// <summary>What a call's owner handles, one at a time in arrival order: SIP from its legs, the scenario's requests, timers.</summary>
internal abstract record CallMessage;

/// <summary>The caller's CANCEL matched the INVITE; the endpoint already answered it 487.</summary>
internal sealed record CallerCancelled : CallMessage;

/// <summary>A BYE on one of the call's legs.</summary>
internal sealed record ByeReceived(SipServerTransaction Transaction) : CallMessage;

/// <summary>A re-INVITE on one of the call's legs (hold, resume, a new address).</summary>
internal sealed record ReinviteReceived(SipServerTransaction Transaction) : CallMessage;

/// <summary>Our 200 OK to the caller was never acknowledged.</summary>
internal sealed record AckTimedOut : CallMessage;

internal sealed record DigitReceived(char Digit) : CallMessage;

internal sealed record AnswerRequested(TaskCompletionSource Done) : CallMessage;

internal sealed record PlayRequested(NormalizedSound Sound, int Repeat, TaskCompletionSource Done) : CallMessage;

internal sealed record CallUserRequested(Guid UserId, SipBinding Contact, int RingSeconds, TaskCompletionSource<CallUserResult> Done) : CallMessage;

/// <summary>Hand the call to <paramref name="RequestUri"/> at <paramref name="Destination"/>; a null destination means it cannot be reached.</summary>
internal sealed record ForwardRequested(string RequestUri, SipTransportAddress? Destination, string Reason, TaskCompletionSource Done) : CallMessage;

internal sealed record HangupRequested(HangupReason Reason, TaskCompletionSource Done) : CallMessage;

/// <summary>The scenario run is over; null when it failed.</summary>
internal sealed record ScenarioFinished(ScenarioRunResult? Result) : CallMessage;

internal sealed record CalleeResponded(CalleeLeg Leg, SipResponse Response) : CallMessage;

internal sealed record RingingTimedOut(CalleeLeg Leg) : CallMessage;

/// <summary>The server is stopping: end both legs now.</summary>
internal sealed record ShutdownRequested : CallMessage;
