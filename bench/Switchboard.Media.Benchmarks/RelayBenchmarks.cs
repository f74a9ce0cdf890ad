using BenchmarkDotNet.Attributes;
using Switchboard.Media.Bridging;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Benchmarks;

/// <summary>
/// Relaying one 20 ms packet across a bridge, without the sockets: parse, transcode (when the legs
/// took different laws) and restamp into the other leg's stream.
/// </summary>
[MemoryDiagnoser]
public class RelayBenchmarks
{
    private readonly byte[] _inbound = new byte[RtpHeader.FixedSize + 160];
    private readonly byte[] _outbound = new byte[RtpHeader.MaximumPacketSize];
    private RtpRelay _relay = null!;
    private uint _timestamp;

    [Params(false, true)]
    public bool Transcode { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _relay = new RtpRelay(RtpMediaFormat.Pcmu, Transcode ? RtpMediaFormat.Pcma : RtpMediaFormat.Pcmu, RtpStream.CreateRandom());

    [Benchmark]
    public int RelayOnePacket()
    {
        // Each packet follows the previous one, as a live stream's do.
        _timestamp += 160;
        RtpPacketWriter.Write(_inbound, new RtpHeader(0, (ushort)(_timestamp / 160), _timestamp, 0xCA11E2), _inbound.AsSpan(RtpHeader.FixedSize));
        return RtpPacket.TryParse(_inbound, out var packet) ? _relay.Relay(packet, _outbound) : 0;
    }
}
