namespace Switchboard.Media.WebRtc;

/// <summary>What arrived on a WebRTC media port, which carries STUN, DTLS, SRTP and SRTCP together.</summary>
public enum WebRtcPacketKind
{
    Unknown,
    Stun,
    Dtls,
    Rtp,
    Rtcp,
}
