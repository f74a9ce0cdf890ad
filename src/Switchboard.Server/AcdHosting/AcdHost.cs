using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;

namespace Switchboard.Server.AcdHosting;

/// <summary>
/// Runs the server's one ACD dispatcher. Before the dispatcher takes its first call it is told every queue in the
/// database (as is every other <see cref="IQueueConfigurationListener"/>). Live state is memory only: after a start
/// every agent is Not available and unreachable until they choose a status and their workspace connects.
/// </summary>
public sealed partial class AcdHost(
    AcdDispatcher dispatcher,
    IServiceScopeFactory scopes,
    IEnumerable<IQueueConfigurationListener> listeners,
    ILogger<AcdHost> logger) : BackgroundService
{
    // Start runs after the database is migrated (StartupTasks, while starting) and before requests are served.
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadQueuesAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Inputs already posted are still decided, so their events reach the log writer, which stops after this.
        dispatcher.Complete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await dispatcher.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            // A command or event sink failed: calls and the ACD no longer agree, so the host must stop.
            LogDispatcherFailed(exception);
            throw;
        }
    }

    private async Task LoadQueuesAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SwitchboardDbContext>();
        var queues = await db.Queues.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var queue in queues)
        {
            foreach (var listener in listeners)
                listener.QueueSaved(queue);
        }

        LogQueuesLoaded(queues.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The ACD starts with {Count} queues; every agent is Not available until they choose.")]
    private partial void LogQueuesLoaded(int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The ACD dispatcher stopped on an error.")]
    private partial void LogDispatcherFailed(Exception exception);
}
