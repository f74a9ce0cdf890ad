using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Server.Admin.Usages;

namespace Switchboard.Server.Admin.Users;

public static class UserAdminRegistration
{
    /// <summary>Registers <see cref="UserAdmin"/> (scoped) and the usage lookup it refuses deletes with.</summary>
    public static IServiceCollection AddUserAdmin(this IServiceCollection services)
    {
        services.TryAddScoped<ConfigurationUsages>();
        services.AddScoped<UserAdmin>();
        return services;
    }
}
