namespace Switchboard.Telephony;

/// <summary>One user's part in a call: from when they talked to the caller until they left, and how they left.</summary>
/// <param name="QueueId">The queue whose offer they answered; null when they were called directly or transferred to.</param>
public sealed record CallAgent(Guid UserId, Guid? QueueId, DateTimeOffset ConnectedAt, DateTimeOffset LeftAt, UserLeftReason Left);
