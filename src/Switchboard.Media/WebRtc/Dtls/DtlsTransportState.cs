namespace Switchboard.Media.WebRtc.Dtls;

public enum DtlsTransportState
{
    /// <summary>Created; the client has not sent its first flight, the server has not received one.</summary>
    New,

    Handshaking,

    /// <summary>Keys are exported; SRTP may flow.</summary>
    Connected,

    /// <summary>The handshake failed; see <see cref="DtlsTransport.Handshake"/>'s exception.</summary>
    Failed,

    /// <summary>The peer sent close_notify, or we were disposed.</summary>
    Closed,
}
