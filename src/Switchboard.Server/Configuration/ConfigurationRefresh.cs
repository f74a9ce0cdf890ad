using Microsoft.Extensions.Options;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Configuration;

/// <summary>Rebuilds the configuration snapshot every few seconds, for what another node saved; off the path of every call.</summary>
public sealed class ConfigurationRefresh(ConfigurationStore store, IOptions<SwitchboardOptions> options, TimeProvider time, ILogger<ConfigurationRefresh> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.Configuration.RefreshSeconds;
        if (seconds <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.ReloadAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
            {
                ConfigurationLog.ReloadFailed(logger, exception);
            }
        }
    }
}
