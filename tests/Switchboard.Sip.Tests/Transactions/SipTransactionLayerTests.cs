using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public class SipTransactionLayerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SipTransactionLayer _layer;

    public SipTransactionLayerTests() => _layer = new SipTransactionLayer(new RecordingSender(_time), _time, new SipTimerOptions());

    [Fact]
    public void The_same_branch_from_another_sent_by_is_another_transaction()
    {
        _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("OPTIONS")));

        var fromElsewhere = SipTestMessages.Request("OPTIONS", sentBy: "192.0.2.99:5060");

        Assert.False(_layer.TryReceiveKnownRequest(SipTestMessages.Received(fromElsewhere)));
    }

    [Fact]
    public void The_same_branch_with_another_method_is_another_transaction()
    {
        _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE")));

        Assert.False(_layer.TryReceiveKnownRequest(SipTestMessages.Received(SipTestMessages.Request("CANCEL"))));
    }

    [Fact]
    public void A_cancel_finds_the_invite_it_cancels()
    {
        var invite = _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE")));

        Assert.True(_layer.TryFindCancelledInvite(SipTestMessages.Request("CANCEL"), out var cancelled));
        Assert.Same(invite, cancelled);
        Assert.False(_layer.TryFindCancelledInvite(SipTestMessages.Request("CANCEL", branch: "z9hG4bKother"), out _));
    }

    [Fact]
    public void An_ack_with_a_new_branch_acknowledges_a_2xx_and_matches_no_transaction()
    {
        _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE")));

        Assert.False(_layer.TryReceiveKnownRequest(SipTestMessages.Received(SipTestMessages.Request("ACK", branch: "z9hG4bKack2xx", toTag: "t"))));
    }

    [Fact]
    public void A_request_from_an_rfc2543_peer_is_matched_by_its_dialog_and_sequence()
    {
        _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("OPTIONS", branch: "old1")));

        Assert.True(_layer.TryReceiveKnownRequest(SipTestMessages.Received(SipTestMessages.Request("OPTIONS", branch: "old1"))));
        Assert.False(_layer.TryReceiveKnownRequest(SipTestMessages.Received(SipTestMessages.Request("OPTIONS", branch: "old1", cseq: 2))));
    }

    [Fact]
    public void A_stray_response_matches_no_client_transaction()
    {
        var stray = SipTestMessages.ResponseTo(SipTestMessages.Outgoing("OPTIONS", "z9hG4bK-unknown"), 200);

        Assert.False(_layer.TryReceiveResponse(SipTestMessages.Received(stray)));
    }
}
