using Microsoft.Win32.SafeHandles;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>One reference to an OpenSSL BIO; the SSL object holds its own, so either may go first.</summary>
internal sealed class BioHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public BioHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        return LibCrypto.BIO_free(handle) == 1;
    }
}
