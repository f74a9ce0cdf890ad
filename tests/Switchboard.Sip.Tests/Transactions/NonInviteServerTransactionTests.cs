using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public class NonInviteServerTransactionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingSender _sender;
    private readonly SipTransactionLayer _layer;

    public NonInviteServerTransactionTests()
    {
        _sender = new RecordingSender(_time);
        _layer = new SipTransactionLayer(_sender, _time, new SipTimerOptions());
    }

    [Fact]
    public void A_copy_of_the_request_before_any_response_is_absorbed_silently()
    {
        _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("BYE", toTag: "ours")));

        Assert.True(_layer.TryReceiveKnownRequest(SipTestMessages.Received(SipTestMessages.Request("BYE", toTag: "ours"))));

        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task A_retransmitted_request_gets_the_final_response_again_until_timer_J()
    {
        var bye = _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("BYE", toTag: "ours")));
        await bye.SendResponseAsync(bye.CreateResponse(200), CancellationToken.None);

        _layer.TryReceiveKnownRequest(SipTestMessages.Received(SipTestMessages.Request("BYE", toTag: "ours")));
        _time.Advance(TimeSpan.FromSeconds(33));
        var afterTimerJ = _layer.TryReceiveKnownRequest(SipTestMessages.Received(SipTestMessages.Request("BYE", toTag: "ours")));

        Assert.Equal([200, 200], _sender.Messages.OfType<SipResponse>().Select(r => r.StatusCode));
        Assert.False(afterTimerJ);
        Assert.Equal(SipTransactionFailure.None, await bye.Ended);
    }

    [Fact]
    public async Task Over_tcp_the_transaction_ends_once_its_final_response_is_sent()
    {
        var bye = _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("BYE", toTag: "ours"), SipTestMessages.Tcp));

        await bye.SendResponseAsync(bye.CreateResponse(200), CancellationToken.None);

        Assert.Equal(SipTransactionFailure.None, await bye.Ended);
        Assert.Equal(0, _layer.ServerCount);
    }
}
