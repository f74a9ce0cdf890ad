using System.Net;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Media.Playback;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Configuration;
using Switchboard.Telephony;

namespace Switchboard.Server.TelephonyHosting;

/// <summary>
/// Telephony's view of the configuration and the scenarios a call's go-to reaches, answered from the snapshot in
/// memory: nothing on a call's path waits for storage. Whether a webphone is open is live presence, not configuration.
/// </summary>
public sealed class ConfiguredTelephonyDirectory(ConfigurationStore configuration, AgentPresence presence) : ITelephonyDirectory, IScenarioSource
{
    public InboundRoute? FindNumber(string e164) => configuration.Current.FindNumber(e164);

    public bool IsTrunkAddress(IPAddress address) => configuration.Current.IsTrunkAddress(address);

    public UserPhone? FindUserPhone(Guid userId) =>
        configuration.Current.FindPhone(userId) is { } phone
            // For a webphone user only their workspaces count as presence (their device is not counted: DevicePresence).
            ? new UserPhone(phone.Webphone, phone.SipUsername, presence.ConnectionsOf(userId) > 0)
            : null;

    public string? FindOutboundHost() => configuration.Current.OutboundHost;

    public EncodedSound? FindSound(Guid soundId) => configuration.Current.FindSound(soundId);

    public EncodedSound? FindQueueMusic(Guid queueId) => configuration.Current.FindQueueMusic(queueId);

    public Scenario? Find(Guid scenarioId) => configuration.Current.FindScenario(scenarioId);
}
