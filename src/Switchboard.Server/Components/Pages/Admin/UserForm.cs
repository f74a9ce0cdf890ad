using Switchboard.Domain.Users;
using Switchboard.Server.Admin.Users;

namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>The user being edited on the Users page; <see cref="New"/> sets the defaults of a new user.</summary>
public sealed class UserForm
{
    public string Username { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public Role Role { get; set; } = Role.Agent;

    public string? Password { get; set; }

    public bool CrmAccess { get; set; }

    public string? SipUsername { get; set; }

    public string? SipPassword { get; set; }

    public bool WebphoneEnabled { get; set; }

    public static UserForm New() => new() { WebphoneEnabled = true };

    public static UserForm From(UserView user) => new()
    {
        Username = user.Username,
        DisplayName = user.DisplayName,
        Role = user.Role,
        CrmAccess = user.CrmAccess,
        SipUsername = user.SipUsername,
        WebphoneEnabled = user.WebphoneEnabled,
    };

    // Empty secret fields mean "keep the current one" on an update.
    public UserInput ToInput() => new(
        Username,
        DisplayName,
        Role,
        string.IsNullOrEmpty(Password) ? null : Password,
        CrmAccess,
        string.IsNullOrWhiteSpace(SipUsername) ? null : SipUsername,
        string.IsNullOrEmpty(SipPassword) ? null : SipPassword,
        WebphoneEnabled);
}
