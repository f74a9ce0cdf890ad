using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Playback;
using Switchboard.Sip.Transport;

namespace Switchboard.Telephony.Calls.Core;

/// <summary>What the call core decided: the shell carries each out, in order, on the call's flow.</summary>
internal abstract record CallEffect;

// The caller's leg.

/// <summary>Send the 200 OK with our SDP answer: the caller is answered.</summary>
internal sealed record AnswerCaller : CallEffect;

/// <summary>Send a 180 Ringing to the unanswered caller.</summary>
internal sealed record RelayRinging : CallEffect;

/// <summary>Answer the caller's INVITE with a final refusal.</summary>
internal sealed record RefuseCaller(int StatusCode, string ReasonPhrase) : CallEffect;

/// <summary>Send a BYE to the answered caller.</summary>
internal sealed record ByeCaller : CallEffect;

// What the caller hears.

internal sealed record StartPlayback(RequestId Request, EncodedSound Sound, int Repeat) : CallEffect;

internal sealed record StopPlayback : CallEffect;

internal sealed record StartLoop(EncodedSound Sound) : CallEffect;

internal sealed record StopLoop : CallEffect;

/// <summary>Bridge the caller's audio with the leg's (its audio is expected from now on).</summary>
internal sealed record BridgeTo(LegId Leg) : CallEffect;

internal sealed record Unbridge : CallEffect;

/// <summary>Send the digits to the caller as RFC 4733 events, after any still being sent.</summary>
internal sealed record SendDigits(string Digits) : CallEffect;

// The legs the call places.

/// <summary>
/// Open a leg and ring it: an INVITE to <paramref name="RequestUri"/> at <paramref name="Destination"/>, or, with no
/// destination, the user's webphone. Should it fail at once, the shell reports <see cref="LegFailed"/>.
/// </summary>
internal sealed record PlaceLeg(LegId Leg, string? RequestUri, SipTransportAddress? Destination, Guid? UserId, OfferId? OfferId) : CallEffect;

/// <summary>Report <see cref="LegRingTimedOut"/> after <paramref name="RingTime"/>.</summary>
internal sealed record StartRingTimer(LegId Leg, TimeSpan RingTime) : CallEffect;

/// <summary>Stop the leg: CANCEL while its INVITE is unanswered, BYE once it has a dialog (a late answer too); a webphone needs nothing.</summary>
internal sealed record HangUpLeg(LegId Leg) : CallEffect;

/// <summary>The leg is over for the call: its media port and timers are let go.</summary>
internal sealed record ReleaseLeg(LegId Leg) : CallEffect;

// Others told.

internal sealed record TellAcd(AcdInput Input) : CallEffect;

internal sealed record Publish(CallEvent Event) : CallEffect;

/// <summary>What the user's workspace shows of their part in the call changed; null: they have none now.</summary>
internal sealed record UserPartChanged(Guid UserId, UserCallPart? Part) : CallEffect;

/// <summary>The call is in <paramref name="QueueId"/> now, as its live views and its record say.</summary>
internal sealed record QueueChosen(Guid QueueId) : CallEffect;

/// <summary>A forward could not be placed, for <paramref name="Reason"/>: logged, and the scenario goes on.</summary>
internal sealed record ForwardNotPlaced(string RequestUri, string Reason) : CallEffect;

// Answers to requests.

internal sealed record RequestDone(RequestId Request) : CallEffect;

internal sealed record CallUserDone(RequestId Request, CallUserResult Result) : CallEffect;

internal sealed record ForwardDone(RequestId Request, bool Answered) : CallEffect;

internal sealed record QueueWaitDone(RequestId Request, QueueWaitResult Result) : CallEffect;

/// <summary>A workspace request was carried out (true) or did not apply (false: nothing rings or is connected for that user).</summary>
internal sealed record WorkspaceDone(RequestId Request, bool Applied) : CallEffect;

/// <summary>
/// The call is over: every leg was ended and released before this. The shell lets the caller's media go, cancels
/// what still waits on the call, and writes its record.
/// </summary>
internal sealed record FinishCall(
    CallResult Result,
    string Detail,
    DateTimeOffset? AnsweredAt,
    Guid? QueueId,
    IReadOnlyList<CallAgent> Agents,
    IReadOnlyList<CallTransfer> Transfers) : CallEffect;
