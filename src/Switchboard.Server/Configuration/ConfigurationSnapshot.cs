using System.Collections.Frozen;
using System.Net;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Trunks;
using Switchboard.Media.Playback;
using Switchboard.Telephony;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The configuration calls consult, as saved at one moment: numbers and their scenarios, trunks, where users' calls
/// ring, sounds ready to play, queues' music and the trunks to register. Immutable; a save builds a new one and swaps it in whole, so a call
/// never sees half a change and never waits for storage.
/// </summary>
public sealed class ConfigurationSnapshot(
    FrozenDictionary<string, InboundRoute> numbers,
    FrozenDictionary<Guid, Scenario> scenarios,
    IReadOnlyList<AddressRange> trunkAddresses,
    string? outboundHost,
    FrozenDictionary<Guid, ConfiguredPhone> phones,
    FrozenDictionary<Guid, EncodedSound> sounds,
    FrozenDictionary<Guid, Guid> queueMusic,
    IReadOnlyList<Trunk> registeringTrunks)
{
    public static ConfigurationSnapshot Empty { get; } = new(
        FrozenDictionary<string, InboundRoute>.Empty, FrozenDictionary<Guid, Scenario>.Empty, [], null,
        FrozenDictionary<Guid, ConfiguredPhone>.Empty, FrozenDictionary<Guid, EncodedSound>.Empty, FrozenDictionary<Guid, Guid>.Empty, []);

    /// <summary>The sounds it holds, by id, for the next snapshot to reuse (a sound's audio never changes once uploaded).</summary>
    public FrozenDictionary<Guid, EncodedSound> Sounds => sounds;

    public InboundRoute? FindNumber(string e164) => numbers.GetValueOrDefault(e164);

    public Scenario? FindScenario(Guid scenarioId) => scenarios.GetValueOrDefault(scenarioId);

    public bool IsTrunkAddress(IPAddress address) => trunkAddresses.Any(range => range.Contains(address));

    /// <summary>host[:port] of the first trunk (by name) that takes outbound calls.</summary>
    public string? OutboundHost => outboundHost;

    public ConfiguredPhone? FindPhone(Guid userId) => phones.TryGetValue(userId, out var phone) ? phone : null;

    public EncodedSound? FindSound(Guid soundId) => sounds.GetValueOrDefault(soundId);

    /// <summary>The trunks that register with their carrier, their passwords as stored (encrypted).</summary>
    public IReadOnlyList<Trunk> RegisteringTrunks => registeringTrunks;

    public EncodedSound? FindQueueMusic(Guid queueId) => queueMusic.TryGetValue(queueId, out var soundId) ? FindSound(soundId) : null;
}
