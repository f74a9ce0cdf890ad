using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Sip.Authentication;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// The digest hashes of users' SIP devices, held in memory so that no REGISTER or INVITE waits for storage on the
/// SIP loop: loaded at start (before SIP opens) and again after every save or delete of a user (<see cref="ReloadAsync"/>).
/// Another node's saves reach this one at its next reload or restart.
/// </summary>
public sealed class DatabaseSipCredentials(IDbContextFactory<SwitchboardDbContext> contexts) : ISipCredentialLookup, IHostedService
{
    private readonly Lock _gate = new();
    private FrozenDictionary<string, SipDigestCredentials> _devices = FrozenDictionary<string, SipDigestCredentials>.Empty;
    private long _lastStarted;
    private long _lastApplied;

    public ValueTask<SipDigestCredentials?> FindAsync(string username, CancellationToken cancellationToken)
    {
        lock (_gate)
            return ValueTask.FromResult(_devices.GetValueOrDefault(username));
    }

    /// <summary>Reads every device again. Of reloads that overlap, the one started last wins: it read storage last.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var started = Interlocked.Increment(ref _lastStarted);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var devices = await db.Users.AsNoTracking()
            .Where(user => user.SipDevice != null)
            .Select(user => user.SipDevice!)
            .ToListAsync(cancellationToken);
        var loaded = devices.ToFrozenDictionary(device => device.Username, device => new SipDigestCredentials(device.Ha1Md5, device.Ha1Sha256), StringComparer.Ordinal);
        lock (_gate)
        {
            if (started <= _lastApplied)
                return;
            _devices = loaded;
            _lastApplied = started;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
