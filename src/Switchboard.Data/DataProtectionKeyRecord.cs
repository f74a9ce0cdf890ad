namespace Switchboard.Data;

/// <summary>
/// One ASP.NET Core data-protection key (cookie and token signing) as XML. Kept in the database so that
/// several nodes sharing one PostgreSQL accept each other's cookies.
/// </summary>
public sealed class DataProtectionKeyRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string FriendlyName { get; init; }

    public required string Xml { get; init; }
}
