using Switchboard.Server.Workspace.ClientInfo;

namespace Switchboard.Server.Crm;

/// <summary>The CRM's services, shared by the REST API, the CRM pages and the workspace's Client info tab.</summary>
public static class CrmRegistration
{
    public static IServiceCollection AddSwitchboardCrm(this IServiceCollection services)
    {
        services.AddScoped<ContactDirectory>();
        services.AddScoped<ContactAdmin>();
        services.AddSingleton<ContactCardLinks>();
        services.AddSwitchboardClientInfo();
        return services;
    }
}
