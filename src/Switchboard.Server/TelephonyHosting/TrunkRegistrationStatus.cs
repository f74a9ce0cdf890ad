namespace Switchboard.Server.TelephonyHosting;

/// <summary>Where a trunk's registration stands: registered until when, and the last failure if the latest attempt failed.</summary>
public sealed record TrunkRegistrationStatus(DateTimeOffset? RegisteredUntil, string? LastError);
