namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>A DTLS-SRTP handshake that cannot give keys: refused certificate, no SRTP profile, a protocol error.</summary>
public sealed class DtlsHandshakeException : Exception
{
    public DtlsHandshakeException()
    {
    }

    public DtlsHandshakeException(string message)
        : base(message)
    {
    }

    public DtlsHandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
