namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>Which side of the DTLS handshake we take; a=setup:passive makes us the server (RFC 5763 §5).</summary>
public enum DtlsRole
{
    Server,
    Client,
}
