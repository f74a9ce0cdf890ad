using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Playback;
using Switchboard.Sip.Transport;

namespace Switchboard.Telephony.Calls.Core;

/// <summary>
/// What the call core decides on, one at a time: the scenario's and the workspace's requests, what the legs did (told
/// by the shell in call terms, not SIP), the ACD's commands and the ends that come from outside.
/// </summary>
internal abstract record CallInput;

// The scenario's requests.

internal sealed record AnswerAsked(RequestId Request) : CallInput;

internal sealed record PlayAsked(RequestId Request, EncodedSound Sound, int Repeat) : CallInput;

/// <summary>The playback <paramref name="Request"/> asked for finished or was stopped.</summary>
internal sealed record PlaybackEnded(RequestId Request) : CallInput;

/// <summary>Ring the user through <paramref name="Target"/> (a registered device, or their webphone) for <paramref name="RingTime"/>.</summary>
internal sealed record CallUserAsked(RequestId Request, Guid UserId, RingTarget Target, TimeSpan RingTime) : CallInput;

/// <summary>Hand the call to <paramref name="RequestUri"/> at <paramref name="Destination"/>; null when it cannot be reached, for <paramref name="Reason"/>.</summary>
internal sealed record ForwardAsked(RequestId Request, string RequestUri, SipTransportAddress? Destination, string Reason) : CallInput;

internal sealed record HangupAsked(RequestId Request, HangupReason Reason) : CallInput;

/// <summary>Wait in the queue; <paramref name="Music"/> (none: the caller is not answered for it) loops once the queue took the call.</summary>
internal sealed record QueueAsked(RequestId Request, Guid QueueId, int Priority, int? MaxWaitSeconds, EncodedSound? Music) : CallInput;

/// <summary>The scenario run is over; a null result means it failed.</summary>
internal sealed record ScenarioEnded(ScenarioRunResult? Result) : CallInput;

// The caller's leg.

/// <summary>The caller hung up: a BYE, or a CANCEL before the answer (each already answered by the shell).</summary>
internal sealed record CallerLeft : CallInput;

/// <summary>The caller is gone without a word (no audio, no session refresh, our 200 OK never acknowledged).</summary>
internal sealed record CallerVanished(string Detail) : CallInput;

// The legs the call placed.

/// <summary>The leg's device reports ringing (180 or 183).</summary>
internal sealed record LegRinging(LegId Leg) : CallInput;

/// <summary>The leg answered (a 2xx acknowledged with usable media, or the webphone accepted).</summary>
internal sealed record LegAnswered(LegId Leg) : CallInput;

/// <summary>The leg could not be placed, refused (<paramref name="Refused"/>: busy or declined) or failed, before any conversation.</summary>
internal sealed record LegFailed(LegId Leg, bool Refused, string Detail) : CallInput;

/// <summary>The leg's peer hung up (a BYE).</summary>
internal sealed record LegHungUp(LegId Leg) : CallInput;

/// <summary>The leg's peer is gone without a word (no audio, no session refresh, no ICE consent).</summary>
internal sealed record LegVanished(LegId Leg, string Detail) : CallInput;

/// <summary>The leg's own ring time ran out.</summary>
internal sealed record LegRingTimedOut(LegId Leg) : CallInput;

// The ACD's commands.

/// <summary>The queue took the call: it waits now.</summary>
internal sealed record QueueTookCall : CallInput;

/// <summary>The ACD let the call go from its queue unanswered.</summary>
internal sealed record QueueLeft(CallOutcome Outcome) : CallInput;

/// <summary>The ACD offers the call to an agent, whose phone is <paramref name="Target"/> (null: nothing can ring them).</summary>
internal sealed record OfferAsked(OfferCall Offer, RingTarget? Target) : CallInput;

internal sealed record OfferWithdrawn(OfferId OfferId, OfferCancelReason Reason) : CallInput;

/// <summary>The ACD gives the call to the agent whose answered offer it accepted.</summary>
internal sealed record ConnectAsked(ConnectCall Connect) : CallInput;

// The users' workspaces.

internal sealed record RefuseAsked(RequestId Request, Guid UserId) : CallInput;

internal sealed record UserHangupAsked(RequestId Request, Guid UserId) : CallInput;

internal sealed record HoldAsked(RequestId Request, Guid UserId, bool Held, EncodedSound Music) : CallInput;

internal sealed record DigitsAsked(RequestId Request, Guid UserId, string Digits) : CallInput;

internal sealed record TransferAsked(RequestId Request, Guid UserId, ResolvedTransfer Target) : CallInput;

// Ends from outside.

/// <summary>End the call now with <paramref name="Result"/> (the server stops).</summary>
internal sealed record EndAsked(CallResult Result, string Detail) : CallInput;

/// <summary>Carrying out a step failed (a bug, a broken socket): the call ends, its caller told with a 500.</summary>
internal sealed record StepFaulted(string Detail) : CallInput;
