using System.Net;
using Switchboard.Media.Playback;

namespace Switchboard.Telephony;

/// <summary>
/// The configuration telephony consults while it handles calls, implemented by the host over a snapshot in memory:
/// every answer is immediate, so nothing on a call's path waits for storage.
/// </summary>
public interface ITelephonyDirectory
{
    /// <summary>The number Switchboard answers as <paramref name="e164"/> with its scenario, or null when it is not ours.</summary>
    InboundRoute? FindNumber(string e164);

    /// <summary>Whether <paramref name="address"/> is one of a trunk's inbound addresses, from which calls come in unchallenged.</summary>
    bool IsTrunkAddress(IPAddress address);

    /// <summary>Where the user's calls ring, or null when there is no such user.</summary>
    UserPhone? FindUserPhone(Guid userId);

    /// <summary>host[:port] of a trunk that takes outbound calls, or null when no trunk does.</summary>
    string? FindOutboundHost();

    /// <summary>A sound's normalised audio, or null when it was deleted.</summary>
    EncodedSound? FindSound(Guid soundId);

    /// <summary>The music on hold a queue chose, or null when it plays the built-in one (or its sound was deleted).</summary>
    EncodedSound? FindQueueMusic(Guid queueId);
}
