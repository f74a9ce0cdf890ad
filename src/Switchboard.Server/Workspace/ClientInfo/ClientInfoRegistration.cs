using Switchboard.Telephony;

namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>The Client info tab's services.</summary>
public static class ClientInfoRegistration
{
    public static IServiceCollection AddSwitchboardClientInfo(this IServiceCollection services)
    {
        services.AddSingleton<AcceptedCalls>();
        services.AddSingleton<ICallObserver>(provider => provider.GetRequiredService<AcceptedCalls>());
        services.AddScoped<ClientConversations>();
        services.AddScoped<ClientInfoTab>();
        return services;
    }
}
