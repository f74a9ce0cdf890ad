using System.Net;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.TestMedia;

/// <summary>Real RTP sessions on 127.0.0.1, disposed with the test.</summary>
internal sealed class LoopbackLegs : IAsyncDisposable
{
    private readonly List<RtpSession> _sessions = [];

    public LoopbackLegs(int firstPort = 41000, int lastPort = 45999) => Ports = new RtpPortPool(firstPort, lastPort);

    public FakeTimeProvider Time { get; } = new();

    public RtpPortPool Ports { get; }

    public RtpSession Open()
    {
        var session = RtpSession.Open(Ports, IPAddress.Loopback, Time);
        _sessions.Add(session);
        return session;
    }

    /// <summary>Two started sessions sending to each other.</summary>
    public (RtpSession First, RtpSession Second) OpenPair(RtpMediaFormat first, RtpMediaFormat second, IRtpPacketSink? firstSink = null, IRtpPacketSink? secondSink = null)
    {
        var a = Open();
        var b = Open();
        a.Connect(b.LocalRtpEndPoint, null, first);
        b.Connect(a.LocalRtpEndPoint, null, second);
        a.PacketSink = firstSink;
        b.PacketSink = secondSink;
        a.Start();
        b.Start();
        return (a, b);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }
    }
}
