using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Tests.Fakes;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Dialogs;

public class SuccessRetransmissionsTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingSender _sender;
    private readonly SuccessRetransmissions _retransmissions;

    public SuccessRetransmissionsTests()
    {
        _sender = new RecordingSender(_time);
        _retransmissions = new SuccessRetransmissions(_sender, _time, new SipTimerOptions());
    }

    private static byte[] Ok(SipRequest invite) => SipMessageWriter.ToArray(SipResponseBuilder.CreateResponse(invite, 200, "ourtag"u8));

    [Fact]
    public void A_2xx_is_resent_doubling_up_to_T2_until_its_ack_arrives()
    {
        var start = _time.GetUtcNow();
        var invite = SipTestMessages.Request("INVITE", cseq: 5);
        _retransmissions.Start(invite, Ok(invite), SipTestMessages.Udp);

        _time.Advance(TimeSpan.FromSeconds(12));
        var acknowledged = _retransmissions.TryAcknowledge(SipTestMessages.Request("ACK", branch: "z9hG4bKack", cseq: 5, toTag: "ourtag"));
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(acknowledged);
        Assert.Equal([500, 1500, 3500, 7500, 11500], _sender.Sent.Select(s => (s.At - start).TotalMilliseconds));
        Assert.All(_sender.Messages, m => Assert.Equal(200, Assert.IsType<SipResponse>(m).StatusCode));
    }

    [Fact]
    public void Without_an_ack_the_core_is_told_after_64_T1()
    {
        var invite = SipTestMessages.Request("INVITE", cseq: 5);
        SipRequest? unacknowledged = null;
        _retransmissions.AckTimedOut += (_, request) => unacknowledged = request;
        _retransmissions.Start(invite, Ok(invite), SipTestMessages.Udp);

        _time.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Null(unacknowledged);
        _time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Same(invite, unacknowledged);
        Assert.Equal(0, _retransmissions.Count);
    }

    [Fact]
    public void An_ack_for_another_invite_stops_nothing()
    {
        var invite = SipTestMessages.Request("INVITE", cseq: 5);
        _retransmissions.Start(invite, Ok(invite), SipTestMessages.Udp);

        Assert.False(_retransmissions.TryAcknowledge(SipTestMessages.Request("ACK", cseq: 6, toTag: "ourtag")));
        Assert.Equal(1, _retransmissions.Count);
    }
}
