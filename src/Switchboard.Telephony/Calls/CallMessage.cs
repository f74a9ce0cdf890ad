using Switchboard.Domain.Acd;
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

/// <summary>The call waits in <paramref name="QueueId"/>: play <paramref name="Music"/> in a loop until it is connected or leaves.</summary>
internal sealed record HoldMusicRequested(Guid QueueId, NormalizedSound Music, TaskCompletionSource Done) : CallMessage;

/// <summary>The call left its queue: stop the music on hold. <paramref name="Done"/> is null when nobody waits for it.</summary>
internal sealed record HoldMusicStopRequested(TaskCompletionSource? Done) : CallMessage;

/// <summary>The ACD offers the call to an agent: ring their device.</summary>
internal sealed record OfferRequested(OfferCall Offer) : CallMessage;

/// <summary>Where the offered agent's device is registered; null when it is not.</summary>
internal sealed record OfferDeviceFound(OfferCall Offer, SipBinding? Device) : CallMessage;

/// <summary>The ACD withdrew the offer: stop ringing (or hang up an answer that came too late).</summary>
internal sealed record OfferWithdrawn(OfferId OfferId) : CallMessage;

/// <summary>The agent won the call: bridge the caller to the agent's answered leg.</summary>
internal sealed record ConnectRequested(ConnectCall Connect) : CallMessage;
