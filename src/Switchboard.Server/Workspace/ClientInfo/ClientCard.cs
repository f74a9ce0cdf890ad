using Switchboard.Server.Crm;

namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>
/// A contact as Client info shows it. <see cref="Open"/> is the contact's CRM page for users with CRM access, and a
/// fresh signed read-only link for everyone else.
/// </summary>
/// <param name="OwnerName">The user who owns the contact; null when nobody does.</param>
public sealed record ClientCard(
    Guid Id,
    string Name,
    string? TimeZone,
    string? OwnerName,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, string> Attributes,
    string Description,
    IReadOnlyList<ContactPhoneView> Phones,
    IReadOnlyList<MessagingIdentityView> Messaging,
    IReadOnlyList<string> Emails,
    string Open);
