using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Server.AcdHosting;
using Switchboard.Telephony;

namespace Switchboard.Server.Workspace;

/// <summary>
/// The agent workspace: its reads, its commands to telephony, the call events it gets on the events socket or its
/// circuit, and the presence of an agent's desk on a circuit.
/// </summary>
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
        services.AddScoped<CallWrapUps>();
        services.AddScoped<WrittenCallRecords>();
        services.AddScoped<DeskPresence>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<DeskPresence>());
        return services;
    }
}
