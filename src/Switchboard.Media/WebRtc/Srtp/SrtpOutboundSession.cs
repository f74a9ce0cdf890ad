using Switchboard.Media.WebRtc.Interop;

namespace Switchboard.Media.WebRtc.Srtp;

/// <summary>
/// Protects what we send (RFC 3711), AES_CM_128_HMAC_SHA1_80 for RTP and RTCP, in place in the caller's
/// buffer: nothing is allocated per packet. One lock keeps libsrtp's context to one caller at a time.
/// </summary>
public sealed unsafe class SrtpOutboundSession : IDisposable
{
    /// <summary>What protection appends to an RTP packet: the 80-bit authentication tag.</summary>
    public const int RtpTrailerLength = 10;

    /// <summary>What protection appends to an RTCP packet: E flag and SRTCP index, then the tag.</summary>
    public const int RtcpTrailerLength = 14;

    private readonly SrtpSessionHandle _session;
    private readonly Lock _lock = new();

    /// <exception cref="DllNotFoundException">libsrtp2.so.1 is not installed.</exception>
    public SrtpOutboundSession(SrtpMasterKey masterKey) =>
        _session = SrtpLibrary.CreateSession(masterKey, LibSrtp.SsrcType.AnyOutbound);

    /// <summary>
    /// Protects the RTP packet in the first <paramref name="length"/> bytes of <paramref name="buffer"/>,
    /// which must have <see cref="RtpTrailerLength"/> bytes to spare after it.
    /// </summary>
    public SrtpStatus ProtectRtp(Span<byte> buffer, int length, out int protectedLength) =>
        Protect(buffer, length, RtpTrailerLength, rtcp: false, out protectedLength);

    /// <summary>As <see cref="ProtectRtp"/>, for an RTCP compound packet with <see cref="RtcpTrailerLength"/> bytes to spare.</summary>
    public SrtpStatus ProtectRtcp(Span<byte> buffer, int length, out int protectedLength) =>
        Protect(buffer, length, RtcpTrailerLength, rtcp: true, out protectedLength);

    public void Dispose() => _session.Dispose();

    private SrtpStatus Protect(Span<byte> buffer, int length, int trailerLength, bool rtcp, out int protectedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (buffer.Length < length + trailerLength)
        {
            throw new ArgumentException($"the buffer needs {trailerLength} bytes after the packet for the SRTP trailer", nameof(buffer));
        }

        var packetLength = length;
        SrtpErrorStatus status;
        fixed (byte* packet = buffer)
        {
            lock (_lock)
            {
                status = rtcp
                    ? LibSrtp.srtp_protect_rtcp(_session, packet, &packetLength)
                    : LibSrtp.srtp_protect(_session, packet, &packetLength);
            }
        }

        protectedLength = status == SrtpErrorStatus.Ok ? packetLength : 0;
        return SrtpLibrary.ToStatus(status);
    }
}
