namespace Switchboard.Telephony;

/// <summary>One user's part in a call: from when they talked to the caller until they left, and how they left.</summary>
public sealed record CallAgent(Guid UserId, DateTimeOffset ConnectedAt, DateTimeOffset LeftAt, UserLeftReason Left);
