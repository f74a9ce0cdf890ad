using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.TestMedia;

namespace Switchboard.Media.Tests.Rtp;

public class RtpSessionTests
{
    [Fact]
    public async Task Two_sessions_exchange_packets_and_their_counters_agree()
    {
        await using var legs = new LoopbackLegs();
        var heardByFirst = new PacketRecorder();
        var heardBySecond = new PacketRecorder();
        var (first, second) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, heardByFirst, heardBySecond);

        for (var i = 0; i < 20; i++)
        {
            Assert.True(first.SendAudio(new byte[160], 160, marker: i == 0));
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.True(second.SendAudio(new byte[80], 80));
        }

        var atSecond = await heardBySecond.NextAsync(20);
        await heardByFirst.NextAsync(10);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (ushort)(atSecond[0].Header.SequenceNumber + i)), atSecond.Select(p => p.Header.SequenceNumber));
        Assert.All(atSecond, p => Assert.Equal(first.Outbound.Ssrc, p.Header.Ssrc));
        Assert.True(atSecond[0].Header.Marker);
        var sent = first.Statistics;
        var received = second.Statistics;
        Assert.Equal((20, 3200), (sent.PacketsSent, sent.OctetsSent));
        Assert.Equal((20, 3200, 0), (received.PacketsReceived, received.OctetsReceived, received.PacketsLost));
        Assert.Equal((10, 800), (first.Statistics.PacketsReceived, first.Statistics.OctetsReceived));
    }

    [Fact]
    public async Task Replies_go_where_the_peers_packets_come_from_not_where_its_SDP_said()
    {
        await using var legs = new LoopbackLegs();
        var caller = legs.Open();
        var us = legs.Open();
        var heardByCaller = new PacketRecorder();
        caller.PacketSink = heardByCaller;
        // Behind NAT the caller's SDP names an address that reaches nobody.
        var unreachable = new IPEndPoint(IPAddress.Loopback, 9);
        us.Connect(unreachable, null, RtpMediaFormat.Pcma);
        caller.Connect(us.LocalRtpEndPoint, null, RtpMediaFormat.Pcma);
        caller.Start();
        us.Start();

        // Its packets pass probation as one stream; the first of them are dropped meanwhile.
        for (var i = 0; i < RtpSourceLatch.Probation; i++)
        {
            caller.SendAudio(new byte[160], 160);
        }

        await Eventually.HoldsAsync(() => us.Statistics.PacketsReceived == 1, "our session hears the caller");
        us.SendAudio(new byte[160], 160);

        var reply = await heardByCaller.NextAsync();
        Assert.Equal(us.Outbound.Ssrc, reply.Header.Ssrc);
        Assert.Equal(caller.LocalRtpEndPoint, us.RemoteRtpEndPoint);
    }

    [Fact]
    public async Task Packets_from_a_stranger_are_ignored_once_the_peer_is_known()
    {
        await using var legs = new LoopbackLegs();
        var heard = new PacketRecorder();
        var (peer, us) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, secondSink: heard);
        peer.SendAudio(new byte[160], 160);
        await heard.NextAsync();

        using var stranger = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var datagram = new byte[172];
        RtpPacketWriter.Write(datagram, new RtpHeader(0, 1, 1, 0xBAD), new byte[160]);
        await stranger.SendToAsync(datagram, us.LocalRtpEndPoint);
        peer.SendAudio(new byte[160], 160);

        var next = await heard.NextAsync();
        Assert.Equal(peer.Outbound.Ssrc, next.Header.Ssrc);
        await Eventually.HoldsAsync(() => us.Statistics.PacketsIgnored == 1, "the stranger's packet is counted as ignored");
        Assert.Equal(2, us.Statistics.PacketsReceived);
    }

    [Fact]
    public async Task Time_since_the_last_packet_counts_from_the_start_and_restarts_with_each_packet_from_the_peer()
    {
        await using var legs = new LoopbackLegs();
        var heard = new PacketRecorder();
        var (peer, us) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, secondSink: heard);
        legs.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), us.SinceLastReceived);

        peer.SendAudio(new byte[160], 160);
        await heard.NextAsync();
        Assert.Equal(TimeSpan.Zero, us.SinceLastReceived);

        legs.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(20), us.SinceLastReceived);
    }

    [Fact]
    public async Task A_packet_whose_handling_throws_is_dropped_and_the_leg_goes_on_hearing_its_peer()
    {
        await using var legs = new LoopbackLegs();
        var heard = new PacketRecorder();
        var (peer, us) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, secondSink: new ThrowingOnce(heard));

        peer.SendAudio(new byte[160], 160);
        peer.SendAudio(new byte[160], 160);

        var next = await heard.NextAsync();
        Assert.Equal(peer.Outbound.Ssrc, next.Header.Ssrc);
        Assert.Equal(2, us.Statistics.PacketsReceived);
    }

    [Fact]
    public async Task Gaps_in_the_peers_sequence_numbers_are_counted_as_lost()
    {
        await using var legs = new LoopbackLegs();
        var us = legs.Open();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        us.Connect((IPEndPoint)peer.LocalEndPoint!, null, RtpMediaFormat.Pcmu);
        us.Start();
        var datagram = new byte[172];

        // 65534, 65535, (0 lost), 1, (2, 3 lost), 4: the count carries across the wrap.
        foreach (ushort sequence in new ushort[] { 65534, 65535, 1, 4 })
        {
            RtpPacketWriter.Write(datagram, new RtpHeader(0, sequence, sequence * 160u, 0x5EED), new byte[160]);
            await peer.SendToAsync(datagram, us.LocalRtpEndPoint);
        }

        await Eventually.HoldsAsync(() => us.Statistics.PacketsReceived == 4, "all four packets arrive");
        Assert.Equal(3, us.Statistics.PacketsLost);
    }

    [Fact]
    public async Task Every_five_seconds_each_side_reports_and_hears_the_others_report()
    {
        await using var legs = new LoopbackLegs();
        var heard = new PacketRecorder();
        var (first, second) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu, secondSink: heard);
        for (var i = 0; i < 5; i++)
        {
            first.SendAudio(new byte[160], 160);
        }

        await heard.NextAsync(5);
        legs.Time.Advance(RtpSession.ReportInterval);

        await Eventually.HoldsAsync(() => first.Statistics.RtcpReportsReceived == 1 && second.Statistics.RtcpReportsReceived == 1, "both reports arrive");
        Assert.Equal(1, first.Statistics.RtcpReportsSent);
        var aboutFirst = await WaitForPeerReport(first);
        Assert.Equal(0, aboutFirst.CumulativeLost);
        Assert.Equal(first.Outbound.Ssrc, aboutFirst.Ssrc);
    }

    [Fact]
    public async Task Digits_the_peer_presses_are_raised_once_each_in_order()
    {
        await using var legs = new LoopbackLegs();
        var (peer, us) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu);
        var digits = new List<char>();
        us.DigitReceived += (_, e) =>
        {
            lock (digits)
            {
                digits.Add(e.Digit);
            }
        };

        foreach (var eventCode in new byte[] { 1, 10, 1 })
        {
            for (var packet = 1; packet <= 7; packet++)
            {
                var telephoneEvent = new TelephoneEvent(eventCode, End: packet >= 5, 10, (ushort)(Math.Min(packet, 5) * 160));
                peer.SendEvent(telephoneEvent, startOfEvent: packet == 1, packet > 5 ? 0 : 160);
            }
        }

        await Eventually.HoldsAsync(() => { lock (digits) { return digits.Count == 3; } }, "three digits are raised");
        Assert.Equal("1*1", string.Concat(digits));
    }

    [Fact]
    public async Task Closing_a_session_returns_its_ports_to_the_pool()
    {
        var pool = new RtpPortPool(46000, 46001);
        var session = RtpSession.Open(pool, IPAddress.Loopback, TimeProvider.System);
        session.Start();
        Assert.Equal(0, pool.Available);

        await session.DisposeAsync();

        Assert.Equal(1, pool.Available);
    }

    [Fact]
    public async Task Held_leg_sends_nothing()
    {
        await using var legs = new LoopbackLegs();
        var (first, _) = legs.OpenPair(RtpMediaFormat.Pcmu, RtpMediaFormat.Pcmu);

        first.Connect(null, null, RtpMediaFormat.Pcmu);

        Assert.False(first.SendAudio(new byte[160], 160));
        Assert.Null(first.RemoteRtpEndPoint);
    }

    private static async Task<RtcpReportBlock> WaitForPeerReport(RtpSession session)
    {
        await Eventually.HoldsAsync(() => session.Statistics.PeerReport is not null, "the peer reports on our stream");
        return session.Statistics.PeerReport!.Value;
    }

    /// <summary>A sink whose first packet throws, as a fault anywhere after the socket might.</summary>
    private sealed class ThrowingOnce(IRtpPacketSink then) : IRtpPacketSink
    {
        private int _packets;

        public void OnPacket(RtpSession session, in RtpPacket packet)
        {
            if (Interlocked.Increment(ref _packets) == 1)
            {
                throw new InvalidOperationException("a fault in whatever the packet reached");
            }

            then.OnPacket(session, packet);
        }
    }
}
