namespace Switchboard.Telephony;

/// <summary>What a user's part in a call is now: ringing them, or the conversation they are in.</summary>
/// <param name="Webphone">The call rings or is connected to the user's browser rather than a SIP device.</param>
/// <param name="OfferId">The ACD's offer the call rings for; null for a direct call or a transfer.</param>
/// <param name="RingingSince">When the ringing started; null once connected.</param>
/// <param name="RingTimeout">How long it rings in all; null once connected.</param>
/// <param name="WaitingSince">When the caller began to wait in a queue; null when the call came straight from its scenario.</param>
/// <param name="ConnectedAt">When the user was connected to the caller; null while it rings.</param>
public sealed record UserCallPart(
    UserCallState State,
    bool Webphone,
    long? OfferId,
    DateTimeOffset? RingingSince,
    TimeSpan? RingTimeout,
    DateTimeOffset? WaitingSince,
    DateTimeOffset? ConnectedAt);
