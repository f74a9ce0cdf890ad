namespace Switchboard.Telephony;

/// <summary>Where an agent sends a call on with a blind transfer.</summary>
public abstract record TransferTarget;

/// <summary>Ring another user: their webphone or their SIP device, as they chose.</summary>
public sealed record TransferToUser(Guid UserId) : TransferTarget;

/// <summary>Put the call in a distribution queue, where the ACD offers it again.</summary>
public sealed record TransferToQueue(Guid QueueId) : TransferTarget;

/// <summary>Forward the call: an E.164 number goes out through the outbound trunk, a SIP URI where it names.</summary>
public sealed record TransferToNumber(string Destination) : TransferTarget;
