namespace Switchboard.Server.Security;

/// <summary>The body of POST /api/v1/auth/login.</summary>
public sealed record LoginRequest(string Username, string Password);
