namespace Switchboard.Server.Admin.Trunks;

/// <summary>Registration settings without the password; <see cref="HasPassword"/> tells the editor one is stored.</summary>
public sealed record TrunkRegistrationView(string Registrar, string Username, int ExpiresSeconds, bool HasPassword);
