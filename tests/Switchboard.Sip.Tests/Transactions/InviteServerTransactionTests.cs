using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public class InviteServerTransactionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingSender _sender;
    private readonly SipTransactionLayer _layer;
    private readonly List<InviteServerTransaction> _succeeded = [];

    public InviteServerTransactionTests()
    {
        _sender = new RecordingSender(_time);
        _layer = new SipTransactionLayer(_sender, _time, new SipTimerOptions())
        {
            SuccessSent = (transaction, _) => _succeeded.Add(transaction),
        };
    }

    private int[] SentStatusCodes => [.. _sender.Messages.OfType<SipResponse>().Select(r => r.StatusCode)];

    [Fact]
    public void Trying_goes_out_after_200_ms_when_the_core_has_not_answered()
    {
        _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE")));

        _time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Empty(_sender.Sent);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([100], SentStatusCodes);
    }

    [Fact]
    public async Task No_trying_goes_out_when_the_core_answers_first()
    {
        var invite = _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE")));

        await invite.SendResponseAsync(invite.CreateResponse(180), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([180], SentStatusCodes);
    }

    [Fact]
    public async Task A_retransmitted_invite_gets_the_last_provisional_again_and_reaches_no_one_else()
    {
        var request = SipTestMessages.Request("INVITE");
        var invite = _layer.CreateServerTransaction(SipTestMessages.Received(request));
        await invite.SendResponseAsync(invite.CreateResponse(180), CancellationToken.None);

        Assert.True(_layer.TryReceiveKnownRequest(SipTestMessages.Received(SipTestMessages.Request("INVITE"))));

        Assert.Equal([180, 180], SentStatusCodes);
        Assert.Equal(1, _layer.ServerCount);
    }

    [Fact]
    public async Task A_refusal_is_resent_doubling_up_to_T2_until_timer_H_gives_up()
    {
        var start = _time.GetUtcNow();
        var invite = _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE")));
        await invite.SendResponseAsync(invite.CreateResponse(486), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(40));

        var sentAt = _sender.Sent.Select(s => (s.At - start).TotalMilliseconds).ToArray();
        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], sentAt);
        Assert.Equal(SipTransactionFailure.Timeout, await invite.Ended);
        Assert.Equal(0, _layer.ServerCount);
    }

    [Fact]
    public async Task The_ack_for_a_refusal_is_absorbed_and_stops_the_resending()
    {
        var invite = _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE")));
        await invite.SendResponseAsync(invite.CreateResponse(486), CancellationToken.None);
        var ack = SipTestMessages.Request("ACK", toTag: invite.LocalTag.Text());

        Assert.True(_layer.TryReceiveKnownRequest(SipTestMessages.Received(ack)));
        Assert.True(_layer.TryReceiveKnownRequest(SipTestMessages.Received(ack)));
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(1, _layer.ServerCount);
        _time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal([486], SentStatusCodes);
        Assert.Equal(SipTransactionFailure.None, await invite.Ended);
    }

    [Fact]
    public async Task A_2xx_goes_to_the_core_for_retransmission_and_invite_copies_are_absorbed_until_timer_L()
    {
        var invite = _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE")));
        await invite.SendResponseAsync(invite.CreateResponse(200), CancellationToken.None);

        Assert.True(_layer.TryReceiveKnownRequest(SipTestMessages.Received(SipTestMessages.Request("INVITE"))));
        _time.Advance(TimeSpan.FromSeconds(33));

        Assert.Equal([200], SentStatusCodes);
        Assert.Equal([invite], _succeeded.Cast<SipServerTransaction>());
        Assert.Equal(0, _layer.ServerCount);
    }

    [Fact]
    public async Task A_second_final_response_is_refused()
    {
        var invite = _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE")));
        await invite.SendResponseAsync(invite.CreateResponse(200), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => invite.SendResponseAsync(invite.CreateResponse(486), CancellationToken.None));
    }

    [Fact]
    public async Task An_undeliverable_response_fails_the_send_and_the_transaction()
    {
        var invite = _layer.CreateServerTransaction(SipTestMessages.Received(SipTestMessages.Request("INVITE"), SipTestMessages.Tcp));
        _sender.Fails = true;

        await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => invite.SendResponseAsync(invite.CreateResponse(180), CancellationToken.None));

        Assert.Equal(SipTransactionFailure.TransportError, await invite.Ended);
    }
}
