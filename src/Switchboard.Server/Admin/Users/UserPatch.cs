using Switchboard.Domain.Users;

namespace Switchboard.Server.Admin.Users;

/// <summary>
/// Part of a user, as <c>PATCH /api/v1/users/{id}</c> sends it: each field given replaces the stored one, each field
/// left out (or null) keeps it. <c>{"webphoneEnabled": false}</c> turns the webphone off and changes nothing else.
/// Removing a SIP device takes a full update (<c>PUT</c> without <c>sipUsername</c>), since null here means "keep".
/// </summary>
public sealed record UserPatch(
    string? Username = null,
    string? DisplayName = null,
    Role? Role = null,
    string? Password = null,
    bool? CrmAccess = null,
    string? SipUsername = null,
    string? SipPassword = null,
    bool? WebphoneEnabled = null)
{
    /// <summary>The full input this patch makes of <paramref name="current"/>; passwords left out are kept as stored.</summary>
    public UserInput ApplyTo(UserView current) => new(
        Username ?? current.Username,
        DisplayName ?? current.DisplayName,
        Role ?? current.Role,
        Password,
        CrmAccess ?? current.CrmAccess,
        SipUsername ?? current.SipUsername,
        SipPassword,
        WebphoneEnabled ?? current.WebphoneEnabled);
}
