namespace Switchboard.Data.Crm;

/// <summary>A contact as a list shows it: name, the number to call (the primary one first), an e-mail, owner and labels.</summary>
public sealed record ContactSummary(Guid Id, string Name, string? Phone, string? Email, Guid? OwnerId, IReadOnlyList<string> Labels);
