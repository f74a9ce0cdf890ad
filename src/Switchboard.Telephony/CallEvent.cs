namespace Switchboard.Telephony;

/// <summary>Something that happened on a live call, published to every <see cref="ICallObserver"/>.</summary>
public abstract record CallEvent(Guid CallId);

/// <summary>A call began: its INVITE passed admission and its number has a scenario.</summary>
public sealed record CallStarted(Guid CallId, string DialledNumber, string? CallerNumber) : CallEvent(CallId);

/// <summary>The caller pressed a key (RFC 4733 telephone event).</summary>
public sealed record DigitPressed(Guid CallId, char Digit) : CallEvent(CallId);

/// <summary>The call is over, or was refused; <see cref="Summary"/> says how.</summary>
public sealed record CallEnded(CallSummary Summary) : CallEvent(Summary.CallId);
