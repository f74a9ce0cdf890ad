using Switchboard.Domain.Users;

namespace Switchboard.Server.Admin.Users;

/// <summary>A user as the admin sees it: never a password nor a hash of one.</summary>
public sealed record UserView(
    Guid Id,
    string Username,
    string DisplayName,
    Role Role,
    bool CrmAccess,
    string? SipUsername,
    bool WebphoneEnabled,
    DateTimeOffset CreatedAt)
{
    public static UserView From(User user) => new(
        user.Id,
        user.Username,
        user.DisplayName,
        user.Role,
        user.CrmAccess,
        user.SipDevice?.Username,
        user.WebphoneEnabled,
        user.CreatedAt);
}
