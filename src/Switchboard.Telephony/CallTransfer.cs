namespace Switchboard.Telephony;

/// <summary>
/// A blind transfer of a call by <paramref name="ByUserId"/>, to exactly one of a user, a queue or a number
/// (<paramref name="ToNumber"/>: the SIP URI the call was sent to, number@host for a number the outbound trunk takes).
/// </summary>
public sealed record CallTransfer(DateTimeOffset At, Guid ByUserId, Guid? ToUserId, Guid? ToQueueId, string? ToNumber);
