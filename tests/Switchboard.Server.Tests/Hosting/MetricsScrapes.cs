namespace Switchboard.Server.Tests.Hosting;

/// <summary>
/// Tests that read /metrics run alone, after the others. OpenTelemetry's meter provider listens to meters by name
/// across the process, so a server of a parallel test would add its counts to the scrape, and disposing that server
/// (its meters) stops the same-named metrics of every server (opentelemetry-dotnet issue 6412).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsScrapes
{
    public const string Name = "Metrics scrapes";
}
