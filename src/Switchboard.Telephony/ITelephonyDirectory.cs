using System.Net;
using Switchboard.Media.Audio;

namespace Switchboard.Telephony;

/// <summary>The configuration telephony consults while it handles calls; implemented by the host over its storage.</summary>
public interface ITelephonyDirectory
{
    /// <summary>The number Switchboard answers as <paramref name="e164"/> with its scenario, or null when it is not ours.</summary>
    Task<InboundRoute?> FindNumberAsync(string e164, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="address"/> is one of a trunk's inbound addresses, from which calls come in unchallenged.</summary>
    Task<bool> IsTrunkAddressAsync(IPAddress address, CancellationToken cancellationToken);

    /// <summary>Where the user's calls ring, or null when there is no such user.</summary>
    Task<UserPhone?> FindUserPhoneAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>host[:port] of a trunk that takes outbound calls, or null when no trunk does.</summary>
    Task<string?> FindOutboundHostAsync(CancellationToken cancellationToken);

    /// <summary>A sound's normalised audio, or null when it was deleted.</summary>
    Task<NormalizedSound?> FindSoundAsync(Guid soundId, CancellationToken cancellationToken);

    /// <summary>The music on hold a queue chose, or null when it plays the built-in one (or its sound was deleted).</summary>
    Task<NormalizedSound?> FindQueueMusicAsync(Guid queueId, CancellationToken cancellationToken);
}
