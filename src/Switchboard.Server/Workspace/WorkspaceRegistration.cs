using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Server.AcdHosting;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace;

/// <summary>The agent workspace: its reads, its commands to telephony, and the call events it gets on the events socket.</summary>
public static class WorkspaceRegistration
{
    public static IServiceCollection AddSwitchboardWorkspace(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServerRun>();
        services.AddSingleton<QueueMemberships>();
        services.AddSingleton<IQueueConfigurationListener>(provider => provider.GetRequiredService<QueueMemberships>());
        services.AddSingleton<CallEventRouter>();
        services.AddSingleton<ICallObserver>(provider => provider.GetRequiredService<CallEventRouter>());
        services.TryAddSingleton(provider => provider.GetRequiredService<BackToBackUserAgent>().UserCalls);
        services.AddScoped<WorkspaceBoard>();
        return services;
    }
}
