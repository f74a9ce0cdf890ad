using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Switchboard.Server.Configuration;

public static class ConfigurationRegistration
{
    /// <summary>The configuration snapshot, the interceptor that keeps it current after each save, and its periodic refresh.</summary>
    public static IServiceCollection AddSwitchboardConfiguration(this IServiceCollection services)
    {
        services.AddSingleton<ConfigurationSaves>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<ConfigurationSaves>());
        services.AddSingleton<ConfigurationStore>();
        services.AddHostedService<ConfigurationRefresh>();
        return services;
    }
}
