using System.Net;
using BenchmarkDotNet.Attributes;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Benchmarks;

/// <summary>Sending one 20 ms packet through a real session's socket to a peer on loopback.</summary>
[MemoryDiagnoser]
public class RtpSessionSendBenchmarks
{
    private readonly byte[] _frame = new byte[160];
    private RtpSession _sender = null!;
    private RtpSession _receiver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ports = new RtpPortPool(48000, 48099);
        _sender = RtpSession.Open(ports, IPAddress.Loopback, TimeProvider.System);
        _receiver = RtpSession.Open(ports, IPAddress.Loopback, TimeProvider.System);
        _sender.Connect(_receiver.LocalRtpEndPoint, null, RtpMediaFormat.Pcmu);
        _receiver.Connect(_sender.LocalRtpEndPoint, null, RtpMediaFormat.Pcmu);
        _sender.Start();
        _receiver.Start();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _sender.DisposeAsync().ConfigureAwait(false);
        await _receiver.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark]
    public bool SendAudio() => _sender.SendAudio(_frame, 160);
}
