using Microsoft.Win32.SafeHandles;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>A libsrtp2 srtp_t session context.</summary>
internal sealed class SrtpSessionHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SrtpSessionHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        return LibSrtp.srtp_dealloc(handle) == SrtpErrorStatus.Ok;
    }
}
