using Switchboard.Domain.Trunks;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// Keeps one trunk registered until stopped: registers, refreshes at half the granted time, backs off after a
/// failure, and at the end removes the registration it holds. Its status is read by the admin.
/// </summary>
public sealed partial class TrunkRegistrationRunner : IAsyncDisposable
{
    private readonly Trunk _trunk;
    private readonly CarrierRegistration _carrier;
    private readonly RegistrationSchedule _schedule;
    private readonly TrunkRegistrationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;
    private volatile TrunkRegistrationStatus _status = new(null, null);

    public TrunkRegistrationRunner(Trunk trunk, CarrierRegistration carrier, TrunkRegistrationOptions options, TimeProvider time, ILogger logger)
    {
        _trunk = trunk;
        _carrier = carrier;
        _schedule = new RegistrationSchedule(options);
        _options = options;
        _time = time;
        _logger = logger;
        _running = RunAsync(_stopping.Token);
    }

    public TrunkRegistration Registration => _carrier.Registration;

    public TrunkRegistrationStatus Status => _status;

    /// <summary>Stops refreshing and, if registered, un-registers (Expires: 0), waiting a short while for the carrier.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
        if (_status.RegisteredUntil is not { } until || until <= _time.GetUtcNow())
            return;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(_options.UnregisterWait);
        try
        {
            var outcome = await _carrier.RegisterAsync(TimeSpan.Zero, bounded.Token).ConfigureAwait(false);
            if (outcome.Error is { } error)
                LogUnregisterFailed(_logger, _trunk.Name, error);
        }
        catch (OperationCanceledException)
        {
            LogUnregisterFailed(_logger, _trunk.Name, "no answer");
        }
        _status = new TrunkRegistrationStatus(null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        // Runs off the caller's thread: the first REGISTER must not hold up the service that starts this runner.
        await Task.Yield();
        try
        {
            while (true)
            {
                var outcome = await _carrier.RegisterAsync(TimeSpan.FromSeconds(Registration.ExpiresSeconds), cancellationToken).ConfigureAwait(false);
                TimeSpan wait;
                if (outcome.Granted is { } granted)
                {
                    _status = new TrunkRegistrationStatus(_time.GetUtcNow() + granted, null);
                    wait = _schedule.AfterSuccess(granted);
                    LogRegistered(_logger, _trunk.Name, Registration.Registrar, (int)granted.TotalSeconds);
                }
                else
                {
                    wait = _schedule.AfterFailure();
                    _status = _status with { LastError = outcome.Error };
                    LogFailed(_logger, _trunk.Name, Registration.Registrar, outcome.Error ?? "", (int)wait.TotalSeconds);
                }
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trunk {Trunk} registered at {Registrar} for {Seconds} s")]
    private static partial void LogRegistered(ILogger logger, string trunk, string registrar, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trunk {Trunk} could not register at {Registrar}: {Error}; trying again in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, string trunk, string registrar, string error, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trunk {Trunk} could not un-register: {Error}")]
    private static partial void LogUnregisterFailed(ILogger logger, string trunk, string error);
}
