using Switchboard.Media.Rtp;

namespace Switchboard.Media.Bridging;

/// <summary>
/// Connects the audio of two legs both ways, for as long as it is not disposed. Each leg's packets
/// are relayed on that leg's receive loop straight into the other leg's socket. Build a new bridge
/// after a re-INVITE changes either leg's format.
/// </summary>
public sealed class MediaBridge : IDisposable
{
    private readonly RtpSession _first;
    private readonly RtpSession _second;
    private readonly BridgeDirection _firstToSecond;
    private readonly BridgeDirection _secondToFirst;

    public MediaBridge(RtpSession first, RtpSession second)
    {
        var firstFormat = first.Format ?? throw new ArgumentException("the first leg is not connected", nameof(first));
        var secondFormat = second.Format ?? throw new ArgumentException("the second leg is not connected", nameof(second));
        _first = first;
        _second = second;
        _firstToSecond = new BridgeDirection(new RtpRelay(firstFormat, secondFormat, second.Outbound), second);
        _secondToFirst = new BridgeDirection(new RtpRelay(secondFormat, firstFormat, first.Outbound), first);
        first.PacketSink = _firstToSecond;
        second.PacketSink = _secondToFirst;
    }

    /// <summary>Stops relaying; a sink someone attached since is left alone.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(_first.PacketSink, _firstToSecond))
        {
            _first.PacketSink = null;
        }

        if (ReferenceEquals(_second.PacketSink, _secondToFirst))
        {
            _second.PacketSink = null;
        }
    }
}
