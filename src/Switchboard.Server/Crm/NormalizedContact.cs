using Switchboard.Domain.Crm;

namespace Switchboard.Server.Crm;

/// <summary>A <see cref="ContactInput"/> in stored form, as <see cref="ContactInputRules"/> made it.</summary>
public sealed record NormalizedContact(
    string Name,
    string? TimeZone,
    Guid? OwnerId,
    IReadOnlyList<string> LabelNames,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    string Description,
    IReadOnlyList<ContactPhone> Phones,
    IReadOnlyList<MessagingIdentity> MessagingIdentities,
    IReadOnlyList<string> Emails);
