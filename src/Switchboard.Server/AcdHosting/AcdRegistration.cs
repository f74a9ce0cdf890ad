using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Domain.Acd;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Server.Security;

namespace Switchboard.Server.AcdHosting;

/// <summary>The ACD inside the server: its dispatcher and host, routing's ports, presence, the event log and the realtime stream.</summary>
public static class AcdRegistration
{
    public static IServiceCollection AddSwitchboardAcd(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new AcdOptions());
        services.AddSingleton<AcdCommandChannel>();
        services.AddSingleton<AcdMetrics>();
        services.TryAddSingleton<IUnclaimedAcdCommandSink, UnclaimedAcdCommandLog>();
        services.AddSingleton<AgentStatusClock>();
        services.AddSingleton<IUserReadiness>(provider => provider.GetRequiredService<AgentStatusClock>());
        services.AddSingleton<AcdEventStream>();
        services.AddSingleton<QueueEventLogWriter>();
        services.AddScoped<QueueEventLog>();
        services.AddSingleton(CreateDispatcher);

        services.AddSingleton<AgentPresence>();
        services.AddSingleton<IQueueState, AcdQueueState>();
        services.AddSingleton<QueueDirectory>();
        services.AddSingleton<IQueueDirectory>(provider => provider.GetRequiredService<QueueDirectory>());
        services.AddSingleton<IQueueConfigurationListener>(provider => provider.GetRequiredService<QueueDirectory>());
        services.AddSingleton<IQueueConfigurationListener, AcdQueueConfiguration>();
        services.AddScoped<AgentBoard>();
        services.AddScoped<LiveQueueBoard>();

        // Hosted services stop in reverse order: the ACD stops first, then the writer stores its last events.
        services.AddHostedService(provider => provider.GetRequiredService<QueueEventLogWriter>());
        services.AddHostedService<AcdHost>();

        services.PostConfigure<BearerTokenOptions>(SwitchboardSchemes.Bearer, EventStreamAccessToken.ReadFromEventStreamQuery);
        return services;
    }

    /// <summary>WebSocket upgrades, for the events socket; pings keep idle connections through proxies.</summary>
    public static WebApplication UseSwitchboardAcd(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        return app;
    }

    private static AcdDispatcher CreateDispatcher(IServiceProvider provider)
    {
        // Status clock first and log last: a reader who sees an event's consequences finds its time already known.
        IAcdEventSink[] subscribers =
        [
            provider.GetRequiredService<AgentStatusClock>(),
            provider.GetRequiredService<AcdEventStream>(),
            provider.GetRequiredService<QueueEventLogWriter>(),
        ];
        return new AcdDispatcher(
            new AcdCore(provider.GetRequiredService<AcdOptions>(), new Random()),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<AcdCommandChannel>(),
            new AcdEventFanOut(subscribers),
            provider.GetRequiredService<AcdMetrics>());
    }
}
