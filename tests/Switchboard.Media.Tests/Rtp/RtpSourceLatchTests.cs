using System.Net;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class RtpSourceLatchTests
{
    private static readonly IPEndPoint Signalled = new(IPAddress.Parse("192.0.2.10"), 40000);
    private static readonly IPEndPoint BehindNat = new(IPAddress.Parse("198.51.100.20"), 31000);
    private static readonly IPEndPoint Sprayer = new(IPAddress.Parse("203.0.113.66"), 50000);

    [Fact]
    public void The_first_packet_from_the_signalled_address_is_accepted_and_fixes_the_peer()
    {
        var latch = Connected();

        Assert.Equal(RtpSourceDecision.Accepted, latch.Handle(Signalled.Serialize(), 1, 100));

        Assert.Equal(Signalled.Serialize(), latch.RtpDestination);
        Assert.Equal(RtpSourceDecision.Stranger, latch.Handle(BehindNat.Serialize(), 2, 1));
    }

    [Fact]
    public void Packets_from_anyone_else_are_never_accepted_and_never_move_the_destination_while_they_do_not_form_a_stream()
    {
        var latch = Connected();
        var random = new Random(7);

        for (var i = 0; i < 10_000; i++)
        {
            var decision = latch.Handle(Sprayer.Serialize(), (uint)random.Next(), (ushort)random.Next(ushort.MaxValue));
            Assert.NotEqual(RtpSourceDecision.Accepted, decision);
        }

        Assert.Equal(Signalled.Serialize(), latch.RtpDestination);
        Assert.Equal(new IPEndPoint(Signalled.Address, Signalled.Port + 1).Serialize(), latch.RtcpDestination);
    }

    [Fact]
    public void A_source_behind_NAT_is_learnt_after_four_consecutive_packets_of_one_stream()
    {
        var latch = Connected();

        for (ushort sequence = 65534; sequence != 1; sequence++)
        {
            // 65534, 65535, 0: the run carries across the wrap.
            Assert.Equal(RtpSourceDecision.OnProbation, latch.Handle(BehindNat.Serialize(), 0xCAFE, sequence));
        }

        Assert.Equal(RtpSourceDecision.Accepted, latch.Handle(BehindNat.Serialize(), 0xCAFE, 1));
        Assert.Equal(BehindNat.Serialize(), latch.RtpDestination);
        Assert.Equal(new IPEndPoint(BehindNat.Address, BehindNat.Port + 1).Serialize(), latch.RtcpDestination);
        Assert.Equal(RtpSourceDecision.Stranger, latch.Handle(Sprayer.Serialize(), 0xCAFE, 2));
    }

    [Theory]
    [InlineData(0xCAFEu, 12)] // a gap
    [InlineData(0xCAFEu, 10)] // a repeat
    [InlineData(0xBEEFu, 11)] // another stream
    public void A_broken_run_starts_the_probation_over(uint ssrc, ushort sequence)
    {
        var latch = Connected();
        latch.Handle(BehindNat.Serialize(), 0xCAFE, 8);
        latch.Handle(BehindNat.Serialize(), 0xCAFE, 9);
        latch.Handle(BehindNat.Serialize(), 0xCAFE, 10);

        Assert.Equal(RtpSourceDecision.OnProbation, latch.Handle(BehindNat.Serialize(), ssrc, sequence));
        Assert.Equal(RtpSourceDecision.OnProbation, latch.Handle(BehindNat.Serialize(), ssrc, (ushort)(sequence + 1)));
        Assert.Equal(RtpSourceDecision.OnProbation, latch.Handle(BehindNat.Serialize(), ssrc, (ushort)(sequence + 2)));
        Assert.Equal(RtpSourceDecision.Accepted, latch.Handle(BehindNat.Serialize(), ssrc, (ushort)(sequence + 3)));
    }

    [Fact]
    public void A_spray_from_many_sources_in_between_does_not_keep_a_real_peer_on_probation()
    {
        var latch = Connected();
        var decision = RtpSourceDecision.OnProbation;

        for (ushort sequence = 0; sequence < RtpSourceLatch.Probation; sequence++)
        {
            for (var port = 0; port < 3; port++)
                latch.Handle(new IPEndPoint(Sprayer.Address, Sprayer.Port + (sequence * 3) + port).Serialize(), 9, 9);
            decision = latch.Handle(BehindNat.Serialize(), 0xCAFE, sequence);
        }

        Assert.Equal(RtpSourceDecision.Accepted, decision);
        Assert.Equal(BehindNat.Serialize(), latch.RtpDestination);
    }

    [Fact]
    public void The_signalled_address_takes_over_from_a_learnt_source_and_then_keeps_it()
    {
        var latch = Connected();
        for (ushort sequence = 0; sequence < RtpSourceLatch.Probation; sequence++)
            latch.Handle(Sprayer.Serialize(), 0xBAD, sequence);
        Assert.Equal(Sprayer.Serialize(), latch.RtpDestination);

        Assert.Equal(RtpSourceDecision.Accepted, latch.Handle(Signalled.Serialize(), 1, 500));

        Assert.Equal(Signalled.Serialize(), latch.RtpDestination);
        Assert.Equal(RtpSourceDecision.Stranger, latch.Handle(Sprayer.Serialize(), 0xBAD, RtpSourceLatch.Probation));
    }

    [Fact]
    public void RTCP_is_the_peers_only_from_the_signalled_RTCP_address_or_the_learnt_sources_next_port()
    {
        var rtcp = new IPEndPoint(Signalled.Address, 40011);
        var latch = RtpSourceLatch.Unconnected().Reconnect(Signalled, rtcp);

        Assert.True(latch.IsPeerRtcp(rtcp.Serialize()));
        Assert.False(latch.IsPeerRtcp(Sprayer.Serialize()));
        Assert.Equal(rtcp.Serialize(), latch.RtcpDestination);

        for (ushort sequence = 0; sequence < RtpSourceLatch.Probation; sequence++)
            latch.Handle(BehindNat.Serialize(), 3, sequence);

        Assert.True(latch.IsPeerRtcp(new IPEndPoint(BehindNat.Address, BehindNat.Port + 1).Serialize()));
        Assert.False(latch.IsPeerRtcp(rtcp.Serialize()));
    }

    [Fact]
    public void A_reINVITE_to_the_same_address_keeps_the_learnt_peer_and_one_to_a_new_address_starts_over()
    {
        var latch = Connected();
        for (ushort sequence = 0; sequence < RtpSourceLatch.Probation; sequence++)
            latch.Handle(BehindNat.Serialize(), 3, sequence);

        var same = latch.Reconnect(Signalled, null);
        var moved = latch.Reconnect(new IPEndPoint(Signalled.Address, 42000), null);

        Assert.Equal(BehindNat.Serialize(), same.RtpDestination);
        Assert.Equal(RtpSourceDecision.Accepted, same.Handle(BehindNat.Serialize(), 3, 4));
        Assert.Equal(new IPEndPoint(Signalled.Address, 42000).Serialize(), moved.RtpDestination);
        Assert.Equal(RtpSourceDecision.OnProbation, moved.Handle(BehindNat.Serialize(), 3, 4));
    }

    [Fact]
    public void A_peer_that_holds_with_no_address_gets_nothing_but_is_still_heard()
    {
        var latch = Connected();
        latch.Handle(Signalled.Serialize(), 1, 1);

        var held = latch.Reconnect(null, null);

        Assert.Null(held.RtpDestination);
        Assert.Null(held.RtcpDestination);
        Assert.Equal(RtpSourceDecision.Accepted, held.Handle(Signalled.Serialize(), 1, 2));
        Assert.Equal(RtpSourceDecision.Stranger, held.Handle(Sprayer.Serialize(), 1, 3));
    }

    [Fact]
    public void Before_any_SDP_nothing_is_sent_and_a_source_must_pass_probation()
    {
        var latch = RtpSourceLatch.Unconnected();

        Assert.Equal(RtpSourceDecision.OnProbation, latch.Handle(Signalled.Serialize(), 1, 1));
        Assert.Null(latch.RtpDestination);
    }

    private static RtpSourceLatch Connected() => RtpSourceLatch.Unconnected().Reconnect(Signalled, null);
}
