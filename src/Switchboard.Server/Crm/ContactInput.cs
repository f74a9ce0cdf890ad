using Switchboard.Domain.Crm;

namespace Switchboard.Server.Crm;

/// <summary>
/// A contact as a CRM user writes it. Labels are names: existing labels are matched regardless of case, new names
/// create labels. Lists left out (null) are empty; on update they replace what the contact had.
/// </summary>
public sealed record ContactInput(
    string Name,
    string? TimeZone = null,
    Guid? OwnerId = null,
    IReadOnlyList<string>? Labels = null,
    IReadOnlyDictionary<string, string>? Attributes = null,
    string? Description = null,
    IReadOnlyList<ContactPhoneInput>? Phones = null,
    IReadOnlyList<MessagingIdentityInput>? MessagingIdentities = null,
    IReadOnlyList<string>? Emails = null);
