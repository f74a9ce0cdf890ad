using Switchboard.Sip;

namespace Switchboard.Telephony.Tests;

public class InboundInviteTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static SipRequest Invite(string requestUri, string to, string from)
    {
        var invite = new SipRequest("INVITE", requestUri);
        invite.Headers.Add("Via", "SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bK-1");
        invite.Headers.Add("From", from);
        invite.Headers.Add("To", to);
        invite.Headers.Add("Call-ID", "a84b4c76e66710@pc33");
        invite.Headers.Add("CSeq", "1 INVITE");
        invite.Headers.Add("X-Campaign", "spring");
        return invite;
    }

    [Theory]
    [InlineData("sip:12025550100@switchboard.example")]
    [InlineData("sip:+12025550100@switchboard.example")]
    [InlineData("sip:12025550100@switchboard.example;user=phone")]
    public void A_number_dialled_with_or_without_plus_is_looked_up_in_E164_form(string requestUri)
    {
        var invite = InboundInvite.Read(Invite(requestUri, "<sip:12025550100@switchboard.example>", "<sip:+14155550123@carrier>;tag=1"), Now);

        Assert.Equal("+12025550100", invite.DialledCandidates[0]);
    }

    [Fact]
    public void The_To_user_is_tried_after_a_Request_URI_that_a_proxy_rewrote()
    {
        var invite = InboundInvite.Read(Invite("sip:switchboard@10.0.0.5", "<sip:+12025550100@example.com>", "<sip:alice@example.com>;tag=1"), Now);

        Assert.Equal(["+12025550100"], invite.DialledCandidates);
        Assert.Equal("switchboard", invite.DialledNumber);
    }

    [Fact]
    public void The_caller_and_the_invites_headers_reach_routing()
    {
        var invite = InboundInvite.Read(Invite("sip:12025550100@sb", "<sip:12025550100@sb>", "\"Ada Lovelace\" <sip:14155550123@carrier>;tag=9"), Now);
        var incoming = invite.ToIncomingCall();

        Assert.Equal(("+14155550123", "Ada Lovelace", "a84b4c76e66710@pc33"), (incoming.CallerNumber, incoming.CallerName, invite.SipCallId));
        Assert.Equal("spring", incoming.InviteHeaders["x-campaign"]);
    }

    [Fact]
    public void A_device_user_that_is_no_number_stays_the_caller_as_sent()
    {
        var invite = InboundInvite.Read(Invite("sip:12025550100@sb", "<sip:12025550100@sb>", "<sip:alice@sb>;tag=9"), Now);

        Assert.Equal(("alice", "alice"), (invite.CallerUser, invite.CallerNumber));
    }
}
