using Switchboard.Domain.Users;

namespace Switchboard.Server.Admin.Users;

/// <summary>
/// A user as the admin writes it. <see cref="Password"/> is required on create and optional on update (null keeps
/// it). A SIP device needs <see cref="SipUsername"/>; <see cref="SipPassword"/> is required when the device is new
/// or its username changes, and may otherwise be null to keep the current one.
/// </summary>
public sealed record UserInput(
    string Username,
    string DisplayName,
    Role Role = Role.Agent,
    string? Password = null,
    bool CrmAccess = false,
    string? SipUsername = null,
    string? SipPassword = null,
    bool WebphoneEnabled = true);
