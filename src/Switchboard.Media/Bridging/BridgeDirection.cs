using Switchboard.Media.Rtp;

namespace Switchboard.Media.Bridging;

/// <summary>One direction of a bridge as a session's packet sink: relay into its own buffer, send on the other leg.</summary>
internal sealed class BridgeDirection(RtpRelay relay, RtpSession target) : IRtpPacketSink
{
    // Used only from the source session's receive loop, one packet at a time.
    private readonly byte[] _buffer = new byte[RtpHeader.MaximumPacketSize];

    public void OnPacket(RtpSession session, in RtpPacket packet)
    {
        var length = relay.Relay(packet, _buffer);
        if (length > 0)
        {
            target.SendPacket(_buffer.AsSpan(0, length));
        }
    }
}
