using Microsoft.Win32.SafeHandles;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>An OpenSSL SSL_CTX: certificate, key and settings shared by many DTLS associations.</summary>
internal sealed class SslContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SslContextHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibSsl.SSL_CTX_free(handle);
        return true;
    }
}
