namespace Switchboard.Server.Admin.Trunks;

/// <summary>
/// Registration credentials as written. <see cref="Password"/> may be left out on an update to keep the stored
/// one, so an admin editing the registrar never has to retype a secret they cannot see.
/// </summary>
public sealed record TrunkRegistrationInput(string Registrar, string Username, string? Password = null, int ExpiresSeconds = 3600);
