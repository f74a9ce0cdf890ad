namespace Switchboard.Server.Security;

/// <summary>The answer to a successful API login: send <c>Authorization: Bearer {token}</c> until <see cref="ExpiresAt"/>.</summary>
public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
