using Switchboard.Sip.Headers;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public class InviteClientTransactionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingSender _sender;
    private readonly SipTransactionLayer _layer;

    public InviteClientTransactionTests()
    {
        _sender = new RecordingSender(_time);
        _layer = new SipTransactionLayer(_sender, _time, new SipTimerOptions());
    }

    [Fact]
    public async Task Unanswered_invite_over_udp_is_resent_at_doubling_intervals_then_times_out_with_408()
    {
        var invite = _layer.SendRequest(SipTestMessages.Outgoing("INVITE", "z9hG4bK-a1"), SipTestMessages.Udp);
        var start = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromSeconds(40));

        var sentAt = _sender.Sent.Select(s => (s.At - start).TotalMilliseconds).ToArray();
        Assert.Equal([0, 500, 1500, 3500, 7500, 15500, 31500], sentAt);
        var final = await invite.FinalResponse;
        Assert.Equal(408, final.StatusCode);
        Assert.Equal(SipTransactionFailure.Timeout, await invite.Ended);
        Assert.Equal(0, _layer.ClientCount);
    }

    [Fact]
    public void Invite_over_tcp_is_sent_once()
    {
        _layer.SendRequest(SipTestMessages.Outgoing("INVITE", "z9hG4bK-a2"), SipTestMessages.Tcp);

        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.Single(_sender.Sent);
    }

    [Fact]
    public async Task Provisional_response_stops_the_resending_and_reaches_the_caller()
    {
        var request = SipTestMessages.Outgoing("INVITE", "z9hG4bK-a3");
        var invite = _layer.SendRequest(request, SipTestMessages.Udp);

        Assert.True(_layer.TryReceiveResponse(SipTestMessages.Received(SipTestMessages.ResponseTo(request, 180))));
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Single(_sender.Sent);
        Assert.Equal(180, (await invite.ProvisionalResponses.ReadAsync()).StatusCode);
        Assert.False(invite.FinalResponse.IsCompleted);
    }

    [Fact]
    public async Task Busy_is_acked_by_the_transaction_and_its_retransmission_acked_again()
    {
        var request = SipTestMessages.Outgoing("INVITE", "z9hG4bK-a4");
        var invite = _layer.SendRequest(request, SipTestMessages.Udp);
        var busy = SipTestMessages.ResponseTo(request, 486);

        _layer.TryReceiveResponse(SipTestMessages.Received(busy));
        _layer.TryReceiveResponse(SipTestMessages.Received(busy));

        Assert.Equal(486, (await invite.FinalResponse).StatusCode);
        var acks = _sender.Messages.OfType<SipRequest>().Where(r => r.IsMethod(SipMethods.Ack)).ToList();
        Assert.Equal(2, acks.Count);
        var ack = acks[0];
        Assert.Equal("sip:bob@192.0.2.10:5062", ack.RequestUri.Text());
        Assert.Equal("1 ACK", ack.Header("CSeq"));
        Assert.Contains("tag=peertag", ack.Header("To"), StringComparison.Ordinal);
        Assert.Equal(request.Header("Via"), ack.Header("Via"));
    }

    [Fact]
    public async Task After_a_final_non_2xx_the_transaction_ends_when_timer_D_fires()
    {
        var request = SipTestMessages.Outgoing("INVITE", "z9hG4bK-a5");
        var invite = _layer.SendRequest(request, SipTestMessages.Udp);
        _layer.TryReceiveResponse(SipTestMessages.Received(SipTestMessages.ResponseTo(request, 404)));

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, _layer.ClientCount);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, _layer.ClientCount);
        Assert.Equal(SipTransactionFailure.None, await invite.Ended);
    }

    [Fact]
    public async Task A_retransmitted_2xx_is_not_absorbed_so_the_core_can_ack_it_again()
    {
        var request = SipTestMessages.Outgoing("INVITE", "z9hG4bK-a6");
        var invite = _layer.SendRequest(request, SipTestMessages.Udp);
        var ok = SipTestMessages.ResponseTo(request, 200);

        Assert.True(_layer.TryReceiveResponse(SipTestMessages.Received(ok)));
        Assert.False(_layer.TryReceiveResponse(SipTestMessages.Received(ok)));

        Assert.Equal(200, (await invite.FinalResponse).StatusCode);
        Assert.DoesNotContain(_sender.Messages.OfType<SipRequest>(), r => r.IsMethod(SipMethods.Ack));
    }

    [Fact]
    public async Task A_transport_error_ends_the_invite_with_503()
    {
        _sender.Fails = true;

        var invite = _layer.SendRequest(SipTestMessages.Outgoing("INVITE", "z9hG4bK-a7"), SipTestMessages.Tcp);

        Assert.Equal(503, (await invite.FinalResponse).StatusCode);
        Assert.Equal(SipTransactionFailure.TransportError, await invite.Ended);
    }

    [Fact]
    public void A_response_for_another_method_with_the_same_branch_matches_nothing()
    {
        var request = SipTestMessages.Outgoing("INVITE", "z9hG4bK-a8");
        _layer.SendRequest(request, SipTestMessages.Udp);
        var cancel = SipTestMessages.Outgoing("CANCEL", "z9hG4bK-a8");

        Assert.False(_layer.TryReceiveResponse(SipTestMessages.Received(SipTestMessages.ResponseTo(cancel, 200))));
    }
}
