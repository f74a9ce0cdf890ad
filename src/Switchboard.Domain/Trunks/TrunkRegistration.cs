namespace Switchboard.Domain.Trunks;

/// <summary>
/// Credentials Switchboard registers with at the carrier. The password must be kept to answer digest
/// challenges; the server stores it encrypted and decrypts it only for the registration. It is write-only through
/// the API and never logged.
/// </summary>
public sealed record TrunkRegistration(string Registrar, string Username, string Password, int ExpiresSeconds = 3600);
