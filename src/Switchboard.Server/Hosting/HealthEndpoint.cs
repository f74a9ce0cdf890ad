using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switchboard.Server.Hosting;

/// <summary>GET /health for load balancers and monitoring: 200 {"status":"healthy"} or 503 {"status":"unhealthy"}.</summary>
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
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status }), context.RequestAborted);
    }
}
