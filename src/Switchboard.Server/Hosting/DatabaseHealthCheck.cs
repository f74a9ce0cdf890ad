using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Data;

namespace Switchboard.Server.Hosting;

/// <summary>Healthy while the configuration database answers.</summary>
public sealed class DatabaseHealthCheck(SwitchboardDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
