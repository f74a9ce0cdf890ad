namespace Switchboard.Domain.Users;

/// <summary>A person who logs in: an admin, a supervisor or an agent who takes calls.</summary>
public sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Login name, unique, compared case-insensitively (stored lower-case).</summary>
    public required string Username { get; set; }

    public required string DisplayName { get; set; }

    public Role Role { get; set; } = Role.Agent;

    /// <summary>ASP.NET Core Identity password hash; the password itself is never stored.</summary>
    public required string PasswordHash { get; set; }

    /// <summary>May open the CRM contacts section.</summary>
    public bool CrmAccess { get; set; }

    /// <summary>Credentials a desk phone or softphone registers with; null when the user has no SIP device.</summary>
    public SipDeviceCredentials? SipDevice { get; set; }

    /// <summary>Takes calls in the browser webphone (otherwise on the SIP device).</summary>
    public bool WebphoneEnabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }
}
