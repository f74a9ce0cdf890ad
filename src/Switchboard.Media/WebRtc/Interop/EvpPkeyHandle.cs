using Microsoft.Win32.SafeHandles;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>An OpenSSL EVP_PKEY private key we decoded and own.</summary>
internal sealed class EvpPkeyHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public EvpPkeyHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        LibCrypto.EVP_PKEY_free(handle);
        return true;
    }
}
