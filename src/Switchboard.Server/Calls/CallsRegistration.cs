namespace Switchboard.Server.Calls;

/// <summary>The calls' detail (and, later, their history), shared by the REST API and the call page.</summary>
public static class CallsRegistration
{
    public static IServiceCollection AddSwitchboardCalls(this IServiceCollection services)
    {
        services.AddScoped<CallDetailReader>();
        return services;
    }
}
