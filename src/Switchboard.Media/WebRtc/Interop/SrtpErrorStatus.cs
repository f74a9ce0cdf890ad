namespace Switchboard.Media.WebRtc.Interop;

/// <summary>srtp_err_status_t of libsrtp 2.x; only the values we act on are named.</summary>
internal enum SrtpErrorStatus
{
    Ok = 0,
    BadParameter = 2,
    AuthenticationFailed = 7,
    ReplayFailed = 9,
    ReplayTooOld = 10,
    ParseError = 21,
}
