using System.Net;
using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Media.WebRtc.Ice;

namespace Switchboard.Media.WebRtc;

/// <summary>
/// Our side of a webphone leg as the answer writes it: the address and port of the leg's one media
/// socket (which is also our only ICE candidate), our ICE credentials for this leg, our certificate's
/// fingerprint, and the origin identity of the description.
/// </summary>
public sealed record WebRtcLocalMedia(IPAddress Address, int Port, IceCredentials Ice, CertificateFingerprint Fingerprint, ulong SessionId, long SessionVersion)
{
    /// <summary>The o= line's version is an unsigned number; a negative one is a caller's bug.</summary>
    public long SessionVersion { get; init; } = SessionVersion >= 0
        ? SessionVersion
        : throw new ArgumentOutOfRangeException(nameof(SessionVersion), SessionVersion, "an SDP session version is not negative");
}
