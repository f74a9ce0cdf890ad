using Switchboard.Domain.Crm;

namespace Switchboard.Server.Crm;

/// <summary>A contact with everything it holds; its timeline newest first.</summary>
public sealed record ContactView(
    Guid Id,
    string Name,
    string? TimeZone,
    Guid? OwnerId,
    string? OwnerName,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, string> Attributes,
    string Description,
    IReadOnlyList<ContactPhoneView> Phones,
    IReadOnlyList<MessagingIdentityView> MessagingIdentities,
    IReadOnlyList<string> Emails,
    IReadOnlyList<TimelineEntryView> Timeline,
    DateTimeOffset CreatedAt);
