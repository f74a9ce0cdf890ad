using System.Net;

namespace Switchboard.Media.Rtp;

/// <summary>
/// Where a leg's peer takes RTP and RTCP: as its SDP signalled them, or as learnt from its own packets
/// (<see cref="Learnt"/>: behind NAT, RTCP then goes to the RTP source's port + 1). Immutable, so that it
/// can be swapped atomically while other threads read it.
/// </summary>
internal sealed class MediaTarget(SocketAddress rtp, SocketAddress? rtcp, bool learnt)
{
    public SocketAddress Rtp { get; } = rtp;

    /// <summary>Null when there is no port above <see cref="Rtp"/>'s: no RTCP then.</summary>
    public SocketAddress? Rtcp { get; } = rtcp;

    public bool Learnt { get; } = learnt;

    public static MediaTarget Signalled(IPEndPoint rtp, IPEndPoint? rtcp) =>
        new(rtp.Serialize(), (rtcp ?? NextPort(rtp))?.Serialize(), learnt: false);

    /// <summary>A target learnt from packets that came from <paramref name="source"/> (copied: the caller's buffer is reused).</summary>
    public static MediaTarget LearntFrom(SocketAddress source)
    {
        var rtp = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(source);
        return new MediaTarget(rtp.Serialize(), NextPort(rtp)?.Serialize(), learnt: true);
    }

    private static IPEndPoint? NextPort(IPEndPoint rtp) => rtp.Port < IPEndPoint.MaxPort ? new IPEndPoint(rtp.Address, rtp.Port + 1) : null;
}
