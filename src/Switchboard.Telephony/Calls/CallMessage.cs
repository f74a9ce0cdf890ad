using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Playback;
using Switchboard.Media.WebRtc;
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

/// <summary>A leg's session timer fired: time to refresh the session, or to give it up (RFC 4028).</summary>
internal sealed record SessionTimerDue(Leg Leg) : CallMessage;

/// <summary>The final response to our session refresh (a re-INVITE) on a leg.</summary>
internal sealed record SessionRefreshAnswered(Leg Leg, SipRequest Refresh, SipResponse Response) : CallMessage;

/// <summary>Time to look whether the legs in conversation still send audio.</summary>
internal sealed record MediaCheckDue : CallMessage;

/// <summary>Our 200 OK to the caller was never acknowledged.</summary>
internal sealed record AckTimedOut : CallMessage;

internal sealed record DigitReceived(char Digit) : CallMessage;

internal sealed record AnswerRequested(TaskCompletionSource Done) : CallMessage;

internal sealed record PlayRequested(EncodedSound Sound, int Repeat, TaskCompletionSource Done) : CallMessage;

internal sealed record CallUserRequested(Guid UserId, RingTarget Target, int RingSeconds, TaskCompletionSource<CallUserResult> Done) : CallMessage;

/// <summary>
/// Hand the call to <paramref name="RequestUri"/> at <paramref name="Destination"/>; a null destination means it cannot be
/// reached, for <paramref name="Reason"/>. <paramref name="Done"/> tells whether the target answered.
/// </summary>
internal sealed record ForwardRequested(string RequestUri, SipTransportAddress? Destination, string Reason, TaskCompletionSource<bool> Done) : CallMessage;

internal sealed record HangupRequested(HangupReason Reason, TaskCompletionSource Done) : CallMessage;

/// <summary>The scenario run is over; null when it failed.</summary>
internal sealed record ScenarioFinished(ScenarioRunResult? Result) : CallMessage;

internal sealed record CalleeResponded(CalleeLeg Leg, SipResponse Response) : CallMessage;

internal sealed record RingingTimedOut(CalleeLeg Leg) : CallMessage;

/// <summary>The server is stopping: end both legs now.</summary>
internal sealed record ShutdownRequested : CallMessage;

/// <summary>
/// The scenario puts the call in <paramref name="QueueId"/>: <paramref name="Music"/> (none: the caller is not answered
/// for it) loops to the caller while it waits; <paramref name="Done"/> tells how the stay ended.
/// </summary>
internal sealed record QueueRequested(Guid QueueId, int Priority, int? MaxWaitSeconds, EncodedSound? Music, TaskCompletionSource<QueueWaitResult> Done)
    : CallMessage;

/// <summary>The queue took the call: it waits now.</summary>
internal sealed record QueueTookCall : CallMessage;

/// <summary>The ACD let the call go from its queue unanswered, for <paramref name="Outcome"/>.</summary>
internal sealed record QueueLeft(CallOutcome Outcome) : CallMessage;

/// <summary>The ACD offers the call to an agent: ring their device.</summary>
internal sealed record OfferRequested(OfferCall Offer) : CallMessage;

/// <summary>The ACD withdrew the offer: stop ringing (or hang up an answer that came too late).</summary>
internal sealed record OfferWithdrawn(OfferId OfferId, OfferCancelReason Reason) : CallMessage;

/// <summary>The agent won the call: bridge the caller to the agent's answered leg.</summary>
internal sealed record ConnectRequested(ConnectCall Connect) : CallMessage;

/// <summary>The user's webphone accepts the ringing call with the browser's SDP offer; the answer goes back in <paramref name="Done"/>.</summary>
internal sealed record WebphoneAcceptRequested(Guid UserId, string SdpOffer, TaskCompletionSource<WebphoneAcceptOutcome> Done) : CallMessage;

/// <summary>The user's connected webphone comes back from a new browser session with a new SDP offer; the answer goes back in <paramref name="Done"/>.</summary>
internal sealed record WebphoneReconnectRequested(Guid UserId, string SdpOffer, TaskCompletionSource<WebphoneAcceptOutcome> Done) : CallMessage;

/// <summary>The user refuses the call ringing them (from the workspace, whatever phone rings).</summary>
internal sealed record RefuseRequested(Guid UserId, TaskCompletionSource<bool> Done) : CallMessage;

/// <summary>The user hangs up their part of the call from the workspace.</summary>
internal sealed record UserHangupRequested(Guid UserId, TaskCompletionSource<bool> Done) : CallMessage;

/// <summary>The connected user holds the caller (<paramref name="Music"/> plays to them) or takes them back.</summary>
internal sealed record HoldRequested(Guid UserId, bool Held, EncodedSound Music, TaskCompletionSource<bool> Done) : CallMessage;

/// <summary>The connected user sends DTMF digits to the caller (RFC 4733).</summary>
internal sealed record DigitsRequested(Guid UserId, string Digits, TaskCompletionSource<bool> Done) : CallMessage;

/// <summary>The connected user hands the call on, already resolved to where it goes.</summary>
internal sealed record TransferRequested(Guid UserId, ResolvedTransfer Target, TaskCompletionSource<bool> Done) : CallMessage;

/// <summary>
/// Time to look whether a webphone leg's browser still answers ICE consent checks on <paramref name="Channel"/>; a
/// check for a channel a new browser session has replaced is of no concern.
/// </summary>
internal sealed record WebphoneConsentCheck(CalleeLeg Leg, WebRtcMediaChannel Channel) : CallMessage;
