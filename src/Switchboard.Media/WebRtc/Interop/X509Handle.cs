using Microsoft.Win32.SafeHandles;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>An OpenSSL X509 certificate we decoded and own.</summary>
internal sealed class X509Handle : SafeHandleZeroOrMinusOneIsInvalid
{
    public X509Handle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibCrypto.X509_free(handle);
        return true;
    }
}
