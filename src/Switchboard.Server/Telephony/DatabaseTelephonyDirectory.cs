using System.Net;
using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Trunks;
using Switchboard.Media.Audio;
using Switchboard.Server.Acd;
using Switchboard.Server.Admin.Sounds;
using Switchboard.Telephony;

namespace Switchboard.Server.Telephony;

/// <summary>Telephony's view of the configuration, read from storage when a call needs it, so every call sees the latest saved state.</summary>
public sealed class DatabaseTelephonyDirectory(IDbContextFactory<SwitchboardDbContext> contexts, SoundFiles soundFiles, AgentPresence presence)
    : ITelephonyDirectory
{
    public async Task<InboundRoute?> FindNumberAsync(string e164, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var number = await db.Numbers.AsNoTracking().FirstOrDefaultAsync(n => n.Number == e164, cancellationToken);
        if (number is null)
            return null;
        var scenario = await db.Scenarios.AsNoTracking().FirstOrDefaultAsync(s => s.Id == number.ScenarioId, cancellationToken);
        return scenario is null ? null : new InboundRoute(number.Number, scenario);
    }

    public async Task<bool> IsTrunkAddressAsync(IPAddress address, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trunks = await db.Trunks.AsNoTracking().ToListAsync(cancellationToken);
        return trunks.Any(trunk => trunk.InboundAddresses.Any(text => AddressRange.TryParse(text, out var range, out _) && range.Contains(address)));
    }

    public async Task<UserPhone?> FindUserPhoneAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        // For a webphone user only their workspaces count as presence (their device is not counted: DevicePresence).
        return user is null ? null : new UserPhone(user.WebphoneEnabled, user.SipDevice?.Username, presence.ConnectionsOf(user.Id) > 0);
    }

    public async Task<string?> FindOutboundHostAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trunks = await db.Trunks.AsNoTracking().ToListAsync(cancellationToken);
        return trunks.OrderBy(trunk => trunk.Name, StringComparer.Ordinal).Select(trunk => trunk.OutboundHost).FirstOrDefault(host => !string.IsNullOrWhiteSpace(host));
    }

    public async Task<NormalizedSound?> FindQueueMusicAsync(Guid queueId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var soundId = await db.Queues.AsNoTracking().Where(queue => queue.Id == queueId).Select(queue => queue.MusicOnHoldSoundId).FirstOrDefaultAsync(cancellationToken);
        return soundId is { } id ? await FindSoundAsync(id, cancellationToken) : null;
    }

    public async Task<NormalizedSound?> FindSoundAsync(Guid soundId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sound = await db.Sounds.AsNoTracking().FirstOrDefaultAsync(s => s.Id == soundId, cancellationToken);
        if (sound is null)
            return null;
        await using var file = soundFiles.OpenRead(sound.FileName);
        if (file is null)
            return null;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return new NormalizedSound(buffer.ToArray(), TimeSpan.FromMilliseconds(sound.DurationMilliseconds));
    }
}
