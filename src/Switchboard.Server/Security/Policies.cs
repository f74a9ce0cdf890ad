namespace Switchboard.Server.Security;

/// <summary>Authorization policy names, shared by the REST API and the pages.</summary>
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
}
