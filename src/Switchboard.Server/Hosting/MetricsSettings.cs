namespace Switchboard.Server.Hosting;

/// <summary>The Prometheus scrape endpoint.</summary>
public sealed class MetricsSettings
{
    /// <summary>Serve <c>/metrics</c> in the Prometheus text format, to admins and to a scraper holding <see cref="ScrapeToken"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A secret a scraper sends as <c>Authorization: Bearer …</c> (Prometheus cannot renew a 12-hour sign-in token); at
    /// least 32 characters, best from the environment. Empty: admins only.
    /// </summary>
    public string? ScrapeToken { get; set; }
}
