using Microsoft.AspNetCore.Authorization;
using Switchboard.Domain.Users;

namespace Switchboard.Server.Security;

/// <summary>Authorization policy names, shared by the REST API and the pages, and what each requires.</summary>
public static class Policies
{
    /// <summary>Configures the switchboard: role admin.</summary>
    public const string Admin = "admin";

    /// <summary>Watches queues and agents: role admin or supervisor.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Any logged-in user.</summary>
    public const string Agent = "agent";

    /// <summary>May open the CRM contacts: claim <c>crm</c> = <c>true</c>.</summary>
    public const string Crm = "crm";

    public static AuthorizationBuilder AddSwitchboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(SwitchboardClaims.RoleValue(Role.Admin)))
        .AddPolicy(Supervisor, policy => policy.RequireAuthenticatedUser()
            .RequireRole(SwitchboardClaims.RoleValue(Role.Admin), SwitchboardClaims.RoleValue(Role.Supervisor)))
        .AddPolicy(Agent, policy => policy.RequireAuthenticatedUser())
        .AddPolicy(Crm, policy => policy.RequireAuthenticatedUser().RequireClaim(SwitchboardClaims.Crm, "true"));
}
