using Switchboard.Media.WebRtc.Interop;

namespace Switchboard.Media.WebRtc.Srtp;

/// <summary>
/// Authenticates, replay-checks and decrypts what the peer sends (RFC 3711), in place in the caller's
/// buffer. A packet that fails is reported by its <see cref="SrtpStatus"/>, never thrown.
/// </summary>
public sealed unsafe class SrtpInboundSession : IDisposable
{
    private readonly SrtpSessionHandle _session;
    private readonly Lock _lock = new();

    /// <exception cref="DllNotFoundException">libsrtp2.so.1 is not installed.</exception>
    public SrtpInboundSession(SrtpMasterKey masterKey) =>
        _session = SrtpLibrary.CreateSession(masterKey, LibSrtp.SsrcType.AnyInbound);

    /// <summary>Unprotects the SRTP packet that is all of <paramref name="packet"/>; the plain RTP packet is its first <paramref name="plainLength"/> bytes.</summary>
    public SrtpStatus UnprotectRtp(Span<byte> packet, out int plainLength) => Unprotect(packet, rtcp: false, out plainLength);

    /// <summary>As <see cref="UnprotectRtp"/>, for an SRTCP packet.</summary>
    public SrtpStatus UnprotectRtcp(Span<byte> packet, out int plainLength) => Unprotect(packet, rtcp: true, out plainLength);

    public void Dispose() => _session.Dispose();

    private SrtpStatus Unprotect(Span<byte> packet, bool rtcp, out int plainLength)
    {
        var length = packet.Length;
        SrtpErrorStatus status;
        fixed (byte* data = packet)
        {
            lock (_lock)
            {
                status = rtcp
                    ? LibSrtp.srtp_unprotect_rtcp(_session, data, &length)
                    : LibSrtp.srtp_unprotect(_session, data, &length);
            }
        }

        plainLength = status == SrtpErrorStatus.Ok ? length : 0;
        return SrtpLibrary.ToStatus(status);
    }
}
