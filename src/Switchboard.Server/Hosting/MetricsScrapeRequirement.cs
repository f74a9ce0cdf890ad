using Microsoft.AspNetCore.Authorization;

namespace Switchboard.Server.Hosting;

/// <summary>Reading <c>/metrics</c>: an admin, or a scraper holding the configured scrape token.</summary>
public sealed class MetricsScrapeRequirement : IAuthorizationRequirement;
