using Switchboard.Media.WebRtc;
using Switchboard.Sip;
using Switchboard.Sip.Transactions;
using Switchboard.Telephony.Calls.Core;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// What a call's mailbox carries, handled one at a time in arrival order: inputs for its core, requests waiting for
/// the core's answer, and what the shell reads first in SIP or media terms before the core hears of it.
/// </summary>
internal abstract record CallMessage;

/// <summary>An input for the call core that needs nothing of the shell first (an ACD command, a timer, an end).</summary>
internal sealed record Decide(CallInput Input) : CallMessage;

/// <summary>
/// A request for the call core whose answer completes <paramref name="Done"/>, a <c>TaskCompletionSource&lt;T&gt;</c> of
/// the type the answer has.
/// </summary>
internal sealed record Asked(CallInput Input, RequestId Request, object Done) : CallMessage;

/// <summary>A BYE on one of the call's legs.</summary>
internal sealed record ByeReceived(SipServerTransaction Transaction) : CallMessage;

/// <summary>A re-INVITE on one of the call's legs (hold, resume, a new address).</summary>
internal sealed record ReinviteReceived(SipServerTransaction Transaction) : CallMessage;

/// <summary>A response to the INVITE of a leg the call placed.</summary>
internal sealed record CalleeResponded(CalleeLeg Leg, SipResponse Response) : CallMessage;

/// <summary>A leg's session timer fired: time to refresh the session, or to give it up (RFC 4028).</summary>
internal sealed record SessionTimerDue(Leg Leg) : CallMessage;

/// <summary>The final response to our session refresh (a re-INVITE) on a leg.</summary>
internal sealed record SessionRefreshAnswered(Leg Leg, SipRequest Refresh, SipResponse Response) : CallMessage;

/// <summary>Time to look whether the legs in conversation still send audio.</summary>
internal sealed record MediaCheckDue : CallMessage;

/// <summary>The caller pressed a key.</summary>
internal sealed record DigitReceived(char Digit) : CallMessage;

/// <summary>The user's webphone accepts the ringing call with the browser's SDP offer; the answer goes back in <paramref name="Done"/>.</summary>
internal sealed record WebphoneAcceptRequested(Guid UserId, string SdpOffer, TaskCompletionSource<WebphoneAcceptOutcome> Done) : CallMessage;

/// <summary>The user's connected webphone comes back from a new browser session with a new SDP offer; the answer goes back in <paramref name="Done"/>.</summary>
internal sealed record WebphoneReconnectRequested(Guid UserId, string SdpOffer, TaskCompletionSource<WebphoneAcceptOutcome> Done) : CallMessage;

/// <summary>
/// Time to look whether a webphone leg's browser still answers ICE consent checks on <paramref name="Channel"/>; a
/// check for a channel a new browser session has replaced is of no concern.
/// </summary>
internal sealed record WebphoneConsentCheck(CalleeLeg Leg, WebRtcMediaChannel Channel) : CallMessage;
