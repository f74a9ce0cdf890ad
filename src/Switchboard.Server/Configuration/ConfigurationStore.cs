using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Trunks;
using Switchboard.Media.Audio;
using Switchboard.Media.Playback;
using Switchboard.Server.Admin.Sounds;
using Switchboard.Telephony;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Holds the <see cref="Current"/> configuration snapshot and builds the next one from storage: at start, after every
/// save that changes the configuration (before the save returns, see <see cref="ConfigurationSaves"/>), and every few
/// seconds for changes saved by another node. Builds run one at a time; a failed build keeps the snapshot in force.
/// </summary>
public sealed class ConfigurationStore : IDisposable
{
    private readonly IDbContextFactory<SwitchboardDbContext> _contexts;
    private readonly SoundFiles _soundFiles;
    private readonly ILogger<ConfigurationStore> _logger;
    private readonly SemaphoreSlim _building = new(1, 1);
    // Swaps the snapshot and its completion together, so that a waiter never misses a replacement.
    private readonly Lock _swap = new();
    private ConfigurationSnapshot _current = ConfigurationSnapshot.Empty;
    // Completed when the snapshot in force is replaced, for those who act on every change.
    private TaskCompletionSource _replaced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConfigurationStore(IDbContextFactory<SwitchboardDbContext> contexts, SoundFiles soundFiles, ConfigurationSaves saves, ILogger<ConfigurationStore> logger)
    {
        _contexts = contexts;
        _soundFiles = soundFiles;
        _logger = logger;
        saves.WhenSaved(ReloadAfterSaveAsync);
    }

    /// <summary>The snapshot in force; read without a lock on every call's lookups.</summary>
    public ConfigurationSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Completes once a snapshot other than <paramref name="seen"/> is in force (at once if one already is).</summary>
    public Task ReplacedAsync(ConfigurationSnapshot seen, CancellationToken cancellationToken)
    {
        lock (_swap)
            return ReferenceEquals(seen, _current) ? _replaced.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
    }

    public void Dispose() => _building.Dispose();

    /// <summary>Builds a snapshot of what is saved now and swaps it in; throws when storage cannot be read.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            var next = await BuildAsync(Current.Sounds, cancellationToken);
            TaskCompletionSource replaced;
            lock (_swap)
            {
                Volatile.Write(ref _current, next);
                replaced = _replaced;
                _replaced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            replaced.SetResult();
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>After a save: the change is already stored, so a failed build is logged and left to the next refresh.</summary>
    private async Task ReloadAfterSaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReloadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            ConfigurationLog.ReloadFailed(_logger, exception);
        }
    }

    private async Task<ConfigurationSnapshot> BuildAsync(FrozenDictionary<Guid, EncodedSound> previousSounds, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var scenarios = (await db.Scenarios.AsNoTracking().ToListAsync(cancellationToken)).ToFrozenDictionary(scenario => scenario.Id);
        var numbers = (await db.Numbers.AsNoTracking().ToListAsync(cancellationToken))
            .Where(number => scenarios.ContainsKey(number.ScenarioId))
            .ToFrozenDictionary(number => number.Number, number => new InboundRoute(number.Number, scenarios[number.ScenarioId]), StringComparer.Ordinal);
        var trunks = await db.Trunks.AsNoTracking().ToListAsync(cancellationToken);
        var trunkAddresses = trunks
            .SelectMany(trunk => trunk.InboundAddresses)
            .Select(text => AddressRange.TryParse(text, out var range, out _) ? range : null)
            .OfType<AddressRange>()
            .ToList();
        var registeringTrunks = trunks.Where(trunk => trunk.Registration is not null).ToList();
        var outboundHost = trunks.OrderBy(trunk => trunk.Name, StringComparer.Ordinal)
            .Select(trunk => trunk.OutboundHost)
            .FirstOrDefault(host => !string.IsNullOrWhiteSpace(host));
        var phones = (await db.Users.AsNoTracking().ToListAsync(cancellationToken))
            .ToFrozenDictionary(user => user.Id, user => new ConfiguredPhone(user.WebphoneEnabled, user.SipDevice?.Username));
        var queueMusic = (await db.Queues.AsNoTracking().Where(queue => queue.MusicOnHoldSoundId != null)
                .Select(queue => new { queue.Id, SoundId = queue.MusicOnHoldSoundId!.Value }).ToListAsync(cancellationToken))
            .ToFrozenDictionary(queue => queue.Id, queue => queue.SoundId);
        var sounds = new Dictionary<Guid, EncodedSound>();
        foreach (var sound in await db.Sounds.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (previousSounds.TryGetValue(sound.Id, out var loaded))
            {
                sounds[sound.Id] = loaded;
                continue;
            }

            await using var file = _soundFiles.OpenRead(sound.FileName);
            if (file is null)
            {
                ConfigurationLog.SoundFileMissing(_logger, sound.Id, sound.FileName);
                continue;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            // Encoded here, once per sound and not per play: a call's path only copies its frames.
            sounds[sound.Id] = EncodedSound.From(new NormalizedSound(buffer.ToArray(), TimeSpan.FromMilliseconds(sound.DurationMilliseconds)));
        }

        return new ConfigurationSnapshot(numbers, scenarios, trunkAddresses, outboundHost, phones, sounds.ToFrozenDictionary(), queueMusic, registeringTrunks);
    }
}
