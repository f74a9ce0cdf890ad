using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

public class NonInviteClientTransactionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingSender _sender;
    private readonly SipTransactionLayer _layer;

    public NonInviteClientTransactionTests()
    {
        _sender = new RecordingSender(_time);
        _layer = new SipTransactionLayer(_sender, _time, new SipTimerOptions());
    }

    private double[] SentAtMilliseconds(DateTimeOffset start) => [.. _sender.Sent.Select(s => (s.At - start).TotalMilliseconds)];

    [Fact]
    public async Task Unanswered_request_is_resent_doubling_up_to_T2_then_times_out_with_408()
    {
        var start = _time.GetUtcNow();
        var options = _layer.SendRequest(SipTestMessages.Outgoing("OPTIONS", "z9hG4bK-n1"), SipTestMessages.Udp);

        _time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal([0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500], SentAtMilliseconds(start));
        Assert.Equal(408, (await options.FinalResponse).StatusCode);
        Assert.Equal(SipTransactionFailure.Timeout, await options.Ended);
    }

    [Fact]
    public void After_a_provisional_response_the_request_is_resent_every_T2()
    {
        var start = _time.GetUtcNow();
        var request = SipTestMessages.Outgoing("BYE", "z9hG4bK-n2");
        _layer.SendRequest(request, SipTestMessages.Udp);

        _layer.TryReceiveResponse(SipTestMessages.Received(SipTestMessages.ResponseTo(request, 100)));
        _time.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal([0, 500, 4500, 8500], SentAtMilliseconds(start));
    }

    [Fact]
    public async Task Final_response_completes_and_retransmitted_finals_are_absorbed_until_timer_K()
    {
        var request = SipTestMessages.Outgoing("REGISTER", "z9hG4bK-n3");
        var register = _layer.SendRequest(request, SipTestMessages.Udp);
        var ok = SipTestMessages.Received(SipTestMessages.ResponseTo(request, 200));

        Assert.True(_layer.TryReceiveResponse(ok));
        Assert.True(_layer.TryReceiveResponse(ok));
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(1, _layer.ClientCount);
        _time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal(200, (await register.FinalResponse).StatusCode);
        Assert.Single(_sender.Sent);
        Assert.Equal(0, _layer.ClientCount);
        Assert.False(register.ProvisionalResponses.TryRead(out _));
        Assert.True(register.ProvisionalResponses.Completion.IsCompleted);
    }

    [Fact]
    public async Task Over_tcp_the_transaction_ends_with_its_final_response()
    {
        var request = SipTestMessages.Outgoing("BYE", "z9hG4bK-n4");
        var bye = _layer.SendRequest(request, SipTestMessages.Tcp);

        _layer.TryReceiveResponse(SipTestMessages.Received(SipTestMessages.ResponseTo(request, 200), SipTestMessages.Tcp));

        Assert.Equal(SipTransactionFailure.None, await bye.Ended);
        Assert.Equal(0, _layer.ClientCount);
    }

    [Fact]
    public void Configured_timers_drive_the_retransmissions()
    {
        var layer = new SipTransactionLayer(_sender, _time, new SipTimerOptions { T1 = TimeSpan.FromMilliseconds(100), T2 = TimeSpan.FromMilliseconds(300) });
        var start = _time.GetUtcNow();

        layer.SendRequest(SipTestMessages.Outgoing("OPTIONS", "z9hG4bK-n5"), SipTestMessages.Udp);
        _time.Advance(TimeSpan.FromMilliseconds(1000));

        Assert.Equal([0, 100, 300, 600, 900], SentAtMilliseconds(start));
    }
}
