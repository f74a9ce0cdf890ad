namespace Switchboard.Media.Sdp;

public enum OfferRefusalReason
{
    /// <summary>No RTP audio stream with a non-zero port (for WebRTC: none over UDP/TLS/RTP/SAVPF).</summary>
    NoAudioStream,

    /// <summary>An audio stream, but neither PCMU nor PCMA among its formats.</summary>
    NoCommonCodec,

    /// <summary>The stream's connection address is not an IP address.</summary>
    InvalidAddress,

    /// <summary>A WebRTC offer without a=ice-ufrag and a=ice-pwd: its checks could not be told from anyone's.</summary>
    MissingIceCredentials,

    /// <summary>A WebRTC offer without a usable a=fingerprint: its DTLS certificate could not be trusted.</summary>
    MissingFingerprint,

    /// <summary>A WebRTC offer without a=rtcp-mux: we keep RTP and RTCP on one port.</summary>
    MissingRtcpMux,

    /// <summary>A WebRTC offer whose a=setup (passive, holdconn) does not let us be the DTLS server.</summary>
    UnsupportedDtlsSetup,
}
