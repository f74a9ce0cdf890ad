namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>The a=setup values (RFC 4145 §4): who opens the DTLS association.</summary>
public enum DtlsSetup
{
    Active,
    Passive,
    ActPass,
    HoldConn,
}
