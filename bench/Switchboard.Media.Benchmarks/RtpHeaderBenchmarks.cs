using BenchmarkDotNet.Attributes;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Benchmarks;

/// <summary>Reading an arriving packet's header and writing the next one: the work of every RTP datagram.</summary>
[MemoryDiagnoser]
public class RtpHeaderBenchmarks
{
    private readonly byte[] _received = new byte[RtpHeader.FixedSize + 160];
    private readonly byte[] _outgoing = new byte[RtpHeader.MaximumPacketSize];

    [GlobalSetup]
    public void Setup() => RtpPacketWriter.Write(_received, new RtpHeader(0, 4711, 160_000, 0xCA11E2, Marker: true), new byte[160]);

    [Benchmark]
    public int ParseAndWrite()
    {
        if (!RtpPacket.TryParse(_received, out var packet))
        {
            return 0;
        }

        var header = packet.Header with { SequenceNumber = (ushort)(packet.Header.SequenceNumber + 1) };
        return RtpPacketWriter.Write(_outgoing, header, packet.Payload);
    }
}
