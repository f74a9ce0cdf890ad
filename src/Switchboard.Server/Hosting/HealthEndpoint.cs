using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard.Server.Hosting;

/// <summary>
/// GET /health for load balancers and monitoring: 200 {"status":"healthy"}, or 503 {"status":"unhealthy"} with
/// "failing": what fails and why, e.g. {"check":"sip","description":"SIP does not receive: UDP 0.0.0.0:5060 stopped."}.
/// </summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteStatusAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var status = report.Status switch
        {
            HealthStatus.Healthy => "healthy",
            HealthStatus.Degraded => "degraded",
            _ => "unhealthy",
        };
        var failing = report.Entries.Where(entry => entry.Value.Status != HealthStatus.Healthy)
            .Select(entry => new { check = entry.Key, description = entry.Value.Description })
            .ToList();
        return context.Response.WriteAsync(
            failing.Count == 0 ? JsonSerializer.Serialize(new { status }) : JsonSerializer.Serialize(new { status, failing }),
            context.RequestAborted);
    }
}
