using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.WebRtc.Dtls;

namespace Switchboard.Media.WebRtc;

/// <summary>
/// Our answer to a browser's offer and what the leg needs from the offer to run: the agreed format,
/// the browser's ICE username fragment (the second half of every check's USERNAME) and the fingerprint
/// its DTLS certificate must match. Our DTLS role is always server (a=setup:passive).
/// </summary>
public sealed record WebRtcAnswer(SessionDescription Description, RtpMediaFormat Format, string RemoteUsernameFragment, CertificateFingerprint RemoteFingerprint);
