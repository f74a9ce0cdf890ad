using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Domain.Routing;
using Switchboard.Server.Admin.Numbers;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Sounds;
using Switchboard.Server.Admin.Trunks;
using Switchboard.Server.Admin.Usages;
using Switchboard.Telephony;

namespace Switchboard.Server.Admin;

/// <summary>The configuration services for sounds, queues, scenarios, numbers and trunks, shared by the API and the pages.</summary>
public static class ConfigurationAdminRegistration
{
    public static IServiceCollection AddConfigurationAdmin(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SoundFiles>();
        services.TryAddScoped<ConfigurationUsages>();
        services.AddScoped<SoundAdmin>();
        services.AddScoped<QueueAdmin>();
        services.AddScoped<ScenarioAdmin>();
        services.AddSingleton<ISipAddressSyntax, SipAddressSyntax>();
        services.AddScoped<NumberAdmin>();
        services.AddScoped<TrunkAdmin>();
        return services;
    }
}
