using System.Diagnostics;
using System.Net;
using BenchmarkDotNet.Attributes;
using Switchboard.Media.Bridging;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Benchmarks;

/// <summary>
/// The steady-state receive path of a bridged call through real sockets on loopback: a caller's packet is
/// received by the caller's leg, relayed by the bridge, sent on the agent's leg and received by the agent.
/// One operation is one packet's whole trip; the memory diagnoser counts every thread's allocations, so the
/// receive loops' are included.
/// </summary>
[MemoryDiagnoser]
public class BridgeReceiveBenchmarks : IDisposable
{
    // A datagram lost on loopback would stall the operation for good; after this it is sent again.
    private static readonly TimeSpan Resend = TimeSpan.FromMilliseconds(100);
    private readonly byte[] _frame = new byte[160];
    private readonly PacketCounter _agentHears = new();
    private RtpSession _caller = null!;
    private RtpSession _callerLeg = null!;
    private RtpSession _agentLeg = null!;
    private RtpSession _agent = null!;
    private MediaBridge _bridge = null!;

    [Params(false, true)]
    public bool Transcode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ports = new RtpPortPool(48100, 48199);
        _caller = RtpSession.Open(ports, IPAddress.Loopback, TimeProvider.System);
        _callerLeg = RtpSession.Open(ports, IPAddress.Loopback, TimeProvider.System);
        _agentLeg = RtpSession.Open(ports, IPAddress.Loopback, TimeProvider.System);
        _agent = RtpSession.Open(ports, IPAddress.Loopback, TimeProvider.System);
        var agentFormat = Transcode ? RtpMediaFormat.Pcma : RtpMediaFormat.Pcmu;
        _caller.Connect(_callerLeg.LocalRtpEndPoint, null, RtpMediaFormat.Pcmu);
        _callerLeg.Connect(_caller.LocalRtpEndPoint, null, RtpMediaFormat.Pcmu);
        _agentLeg.Connect(_agent.LocalRtpEndPoint, null, agentFormat);
        _agent.Connect(_agentLeg.LocalRtpEndPoint, null, agentFormat);
        _bridge = new MediaBridge(_callerLeg, _agentLeg);
        _agent.PacketSink = _agentHears;
        foreach (var session in new[] { _caller, _callerLeg, _agentLeg, _agent })
            session.Start();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        Dispose();
        foreach (var session in new[] { _caller, _callerLeg, _agentLeg, _agent })
            await session.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        _bridge.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public long CallerToAgentThroughTheBridge()
    {
        var heard = _agentHears.Count;
        _caller.SendAudio(_frame, 160);
        var sentAt = Stopwatch.GetTimestamp();
        var spinner = default(SpinWait);
        while (_agentHears.Count == heard)
        {
            // No Sleep(1) while waiting: it would add a millisecond to a trip of microseconds.
            spinner.SpinOnce(sleep1Threshold: -1);
            if (Stopwatch.GetElapsedTime(sentAt) > Resend)
            {
                _caller.SendAudio(_frame, 160);
                sentAt = Stopwatch.GetTimestamp();
            }
        }

        return _agentHears.Count;
    }
}
