using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Switchboard.Data;
using Switchboard.Domain.Trunks;
using Switchboard.Server.Security;
using Switchboard.Telephony;

namespace Switchboard.Server.Telephony;

/// <summary>
/// Registers Switchboard with the carrier of every trunk that asks for it (RFC 3261 §10), once SIP is open. Trunks
/// are re-read periodically, so one created, changed or deleted in the admin is registered, re-registered or
/// un-registered without a restart; at shutdown every registration is removed before SIP closes.
/// </summary>
public sealed partial class TrunkRegistrations(
    BackToBackUserAgent telephony,
    IDbContextFactory<SwitchboardDbContext> contexts,
    TrunkPasswords passwords,
    IOptions<TrunkRegistrationOptions> options,
    TimeProvider time,
    ILogger<TrunkRegistrations> logger) : BackgroundService
{
    // Written by the re-reading loop, read by the admin for the status.
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
                await RereadAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.RereadInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync un-registers.
        }
    }

    private async Task RereadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var trunks = await db.Trunks.AsNoTracking().Where(trunk => trunk.Registration != null).ToListAsync(cancellationToken).ConfigureAwait(false);
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
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Storage briefly unavailable: the registrations running go on, and the next re-read tries again.
            LogRereadFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The registration password of trunk '{Trunk}' cannot be decrypted with this node's data-protection keys: enter it again in Admin → Trunks")]
    private static partial void LogPasswordUnreadable(ILogger logger, string trunk, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the trunks to register")]
    private static partial void LogRereadFailed(ILogger logger, Exception exception);
}
