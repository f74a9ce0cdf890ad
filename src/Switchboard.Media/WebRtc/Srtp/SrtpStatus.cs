namespace Switchboard.Media.WebRtc.Srtp;

/// <summary>What became of one packet; a packet that fails is dropped, the session goes on.</summary>
public enum SrtpStatus
{
    Ok,

    /// <summary>The authentication tag does not match: tampered, or protected with other keys.</summary>
    AuthenticationFailed,

    /// <summary>Seen before, or older than the replay window (RFC 3711 §3.3.2).</summary>
    Replayed,

    /// <summary>Too short or not an RTP/RTCP packet.</summary>
    Malformed,

    /// <summary>Anything else libsrtp refused.</summary>
    Failed,
}
