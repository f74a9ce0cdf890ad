namespace Switchboard.Telephony;

/// <summary>Something that happened on a live call, published to every <see cref="ICallObserver"/>.</summary>
public abstract record CallEvent(Guid CallId);

/// <summary>A call began: its INVITE passed admission and its number has a scenario.</summary>
/// <param name="SipCallId">The Call-ID of the caller's INVITE.</param>
/// <param name="StartedAt">When the INVITE arrived, as <see cref="CallSummary.StartedAt"/> will say.</param>
public sealed record CallStarted(Guid CallId, string DialledNumber, string? CallerNumber, string SipCallId, DateTimeOffset StartedAt) : CallEvent(CallId);

/// <summary>The caller pressed a key (RFC 4733 telephone event).</summary>
public sealed record DigitPressed(Guid CallId, char Digit) : CallEvent(CallId);

/// <summary>The call is over, or was refused; <see cref="Summary"/> says how.</summary>
public sealed record CallFinished(CallSummary Summary) : CallEvent(Summary.CallId);

/// <summary>
/// A user is rung for the call: an ACD offer (<paramref name="OfferId"/> set) or a direct call or transfer. With
/// <paramref name="Webphone"/> the user's workspace itself rings and answers; otherwise their SIP device does.
/// A user is rung at most once per call at a time, so the call and the user name the ring.
/// </summary>
public sealed record UserRinging(
    Guid CallId,
    Guid UserId,
    string? CallerNumber,
    string? CallerName,
    Guid? QueueId,
    long? OfferId,
    TimeSpan RingTimeout,
    DateTimeOffset? WaitingSince,
    bool Webphone) : CallEvent(CallId);

/// <summary>The user's ringing for the call stopped, for <paramref name="Reason"/>.</summary>
public sealed record UserRingingStopped(Guid CallId, Guid UserId, RingingStopReason Reason) : CallEvent(CallId);

/// <summary>The user answered and is now in conversation with the caller.</summary>
/// <param name="QueueId">The queue whose offer they answered; null when they were called directly or transferred to.</param>
public sealed record UserConnected(Guid CallId, Guid UserId, Guid? QueueId, DateTimeOffset At) : CallEvent(CallId);

/// <summary>The user put the caller on hold (music plays to the caller) or took them back.</summary>
public sealed record UserCallHeld(Guid CallId, Guid UserId, bool Held) : CallEvent(CallId);

/// <summary>The user's part in the call is over: they hung up, the caller did, or they transferred it on.</summary>
public sealed record UserLeftCall(Guid CallId, Guid UserId, UserLeftReason Reason, DateTimeOffset At) : CallEvent(CallId);
