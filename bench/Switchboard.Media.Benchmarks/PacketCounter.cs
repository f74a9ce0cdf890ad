using Switchboard.Media.Rtp;

namespace Switchboard.Media.Benchmarks;

/// <summary>A packet sink that only counts, standing in for the far end of a bridged call.</summary>
internal sealed class PacketCounter : IRtpPacketSink
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void OnPacket(RtpSession session, in RtpPacket packet) => Interlocked.Increment(ref _count);
}
