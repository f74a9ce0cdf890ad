namespace Switchboard.Server.Crm;

/// <summary>A link that shows one contact's card, read-only, to any logged-in user until it expires.</summary>
public sealed record ReadOnlyLink(string Url, DateTimeOffset ExpiresAt);
