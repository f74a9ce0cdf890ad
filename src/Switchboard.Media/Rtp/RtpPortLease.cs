namespace Switchboard.Media.Rtp;

/// <summary>An RTP/RTCP port pair leased from an <see cref="RtpPortPool"/>, returned when disposed.</summary>
public sealed class RtpPortLease : IDisposable
{
    private RtpPortPool? _pool;

    internal RtpPortLease(RtpPortPool pool, int rtpPort)
    {
        _pool = pool;
        RtpPort = rtpPort;
    }

    public int RtpPort { get; }

    public int RtcpPort => RtpPort + 1;

    public void Dispose() => Interlocked.Exchange(ref _pool, null)?.Return(RtpPort);
}
