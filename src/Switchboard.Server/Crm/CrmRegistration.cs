namespace Switchboard.Server.Crm;

/// <summary>The CRM's services, shared by the REST API and the CRM pages.</summary>
public static class CrmRegistration
{
    public static IServiceCollection AddSwitchboardCrm(this IServiceCollection services)
    {
        services.AddScoped<ContactDirectory>();
        services.AddScoped<ContactAdmin>();
        services.AddSingleton<ContactCardLinks>();
        return services;
    }
}
