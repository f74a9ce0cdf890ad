using Microsoft.Win32.SafeHandles;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>An OpenSSL SSL object: one DTLS association.</summary>
internal sealed class SslHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SslHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibSsl.SSL_free(handle);
        return true;
    }
}
