using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// Opens SIP when the server starts. At stop, in this order: new INVITEs are answered 503 from the moment the stop
/// begins; every live call is hung up (BYE to each leg, its record written, its ports released, the ACD told) while
/// the rest of the server still runs; and SIP closes last, so that a server started right after binds its ports.
/// </summary>
public sealed partial class TelephonyHost(BackToBackUserAgent telephony, IHostApplicationLifetime lifetime, ILogger<TelephonyHost> logger)
    : IHostedLifecycleService
{
    private CancellationTokenRegistration _refusing;
    private int _stopped;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await telephony.Endpoint.StartAsync(cancellationToken);
        // The first sign of a stop, before any hosted service stops: calls offered now could no longer be taken.
        _refusing = lifetime.ApplicationStopping.Register(telephony.StopAcceptingCalls);
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Runs before any hosted service stops: the ACD, the record writer and the web server are all still there.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await telephony.HangUpAllAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogHangUpAbandoned(telephony.LiveCallCount);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped twice (by its owner, then by Run returning); the endpoint closes once.
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return;
        await _refusing.DisposeAsync();
        // Calls that came in after StoppingAsync (none are admitted) or outlived its wait end here too.
        await StoppingAsync(cancellationToken);
        await telephony.Endpoint.StopAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stop did not wait for {Count} calls to end; SIP closes under them")]
    private partial void LogHangUpAbandoned(int count);
}
