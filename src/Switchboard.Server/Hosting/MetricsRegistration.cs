using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Switchboard.Domain.Acd;
using Switchboard.Sip;
using Switchboard.Telephony;

namespace Switchboard.Server.Hosting;

/// <summary>Switchboard's meters exported with OpenTelemetry for Prometheus to scrape, by admins or with the scrape token.</summary>
public static class MetricsRegistration
{
    /// <summary>Where Prometheus scrapes; like the API, it answers 401 rather than sending a scraper to the login page.</summary>
    public const string Path = "/metrics";

    private const string Policy = "metrics";

    public static IServiceCollection AddSwitchboardMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(TelephonyMetrics.MeterName, SipMetrics.MeterName, AcdMetrics.MeterName).AddPrometheusExporter());
        services.AddSingleton<IAuthorizationHandler, MetricsScrapeAuthorization>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddRequirements(new MetricsScrapeRequirement()));
        return services;
    }

    public static WebApplication MapSwitchboardMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<SwitchboardOptions>>().Value.Metrics;
        if (!settings.Enabled)
            return app;
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(Policy);
        return app;
    }
}
