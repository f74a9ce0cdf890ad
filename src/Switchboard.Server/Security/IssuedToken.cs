namespace Switchboard.Server.Security;

/// <summary>A bearer token for the API and when it stops being accepted.</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);
