using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Switchboard.Domain.Trunks;
using Switchboard.Server.Configuration;
using Switchboard.Server.Security;
using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// Registers Switchboard with the carrier of every trunk that asks for it (RFC 3261 §10), once SIP is open. Each new
/// configuration snapshot is looked at, so a trunk created, changed or deleted in the admin is registered,
/// re-registered or un-registered at once; at shutdown every registration is removed before SIP closes.
/// </summary>
public sealed partial class TrunkRegistrations(
    BackToBackUserAgent telephony,
    ConfigurationStore configuration,
    TrunkPasswords passwords,
    IOptions<TrunkRegistrationOptions> options,
    TimeProvider time,
    ILogger<TrunkRegistrations> logger) : BackgroundService
{
    // Written by the loop that follows the configuration, read by the admin for the status.
    private readonly ConcurrentDictionary<Guid, TrunkRegistrationRunner> _runners = new();

    /// <summary>The registration status of a trunk; null when it has no registration running.</summary>
    public TrunkRegistrationStatus? StatusOf(Guid trunkId) => _runners.TryGetValue(trunkId, out var runner) ? runner.Status : null;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_runners.Values.Select(runner => runner.StopAsync(cancellationToken))).ConfigureAwait(false);
        _runners.Clear();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var seen = configuration.Current;
                await FollowAsync(seen.RegisteringTrunks).ConfigureAwait(false);
                await configuration.ReplacedAsync(seen, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync un-registers.
        }
    }

    /// <summary>Starts a runner for each trunk to register, restarts one whose registration changed, stops the others.</summary>
    private async Task FollowAsync(IReadOnlyList<Trunk> trunks)
    {
        var wanted = new Dictionary<Guid, (Trunk Trunk, TrunkRegistration Registration)>();
        foreach (var trunk in trunks)
        {
            try
            {
                wanted[trunk.Id] = (trunk, passwords.Reveal(trunk.Registration!));
            }
            catch (CryptographicException exception)
            {
                LogPasswordUnreadable(logger, trunk.Name, exception);
            }
        }

        foreach (var (id, runner) in _runners)
        {
            if (!wanted.TryGetValue(id, out var entry) || entry.Registration != runner.Registration)
            {
                _runners.TryRemove(id, out _);
                await runner.DisposeAsync().ConfigureAwait(false);
            }
        }

        foreach (var (id, (trunk, registration)) in wanted.Where(entry => !_runners.ContainsKey(entry.Key)))
        {
            var carrier = new CarrierRegistration(telephony.Endpoint, registration);
            _runners[id] = new TrunkRegistrationRunner(trunk, carrier, options.Value, time, logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The registration password of trunk '{Trunk}' cannot be decrypted with this node's data-protection keys: enter it again in Admin → Trunks")]
    private static partial void LogPasswordUnreadable(ILogger logger, string trunk, Exception exception);
}
