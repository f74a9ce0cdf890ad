namespace Switchboard.Media.WebRtc;

/// <summary>
/// The SDP names a WebRTC answer uses (RFC 8839 ICE, RFC 8122 fingerprint, RFC 4145 setup, RFC 5761
/// rtcp-mux, RFC 5764 profile, RFC 8843 BUNDLE). Their values come from <see cref="Ice.IceCredentials"/>,
/// <see cref="Ice.IceCandidate"/>, <see cref="Dtls.CertificateFingerprint"/> and <see cref="Dtls.DtlsSetups"/>.
/// </summary>
public static class WebRtcSdp
{
    /// <summary>The m= line protocol of DTLS-SRTP media with feedback, as browsers offer it.</summary>
    public const string SecureProfile = "UDP/TLS/RTP/SAVPF";

    /// <summary>Session-level property attribute: we are an ICE-lite agent.</summary>
    public const string IceLite = "ice-lite";

    public const string IceUsernameFragment = "ice-ufrag";
    public const string IcePassword = "ice-pwd";
    public const string Candidate = "candidate";

    /// <summary>Property attribute: no more candidates follow (an ICE-lite agent has them all at once).</summary>
    public const string EndOfCandidates = "end-of-candidates";

    public const string Fingerprint = "fingerprint";
    public const string Setup = "setup";

    /// <summary>Property attribute: RTP and RTCP share one port.</summary>
    public const string RtcpMux = "rtcp-mux";

    /// <summary>The media stream's identification tag (RFC 5888), which BUNDLE groups name.</summary>
    public const string Mid = "mid";

    /// <summary>Session-level a=group (RFC 5888); with <see cref="Bundle"/> semantics its streams share one transport.</summary>
    public const string Group = "group";

    public const string Bundle = "BUNDLE";
}
