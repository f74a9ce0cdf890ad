using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Tests.Fakes;

namespace Switchboard.Sip.Tests.Dialogs;

public class SipDialogTests
{
    private const string LocalContact = "sip:service@198.51.100.1:5060";

    private static SipRequest InviteThroughProxies() => SipTestMessages.Request("INVITE", cseq: 7,
        extraHeaders: "Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>");

    private static SipResponse WithContact(SipResponse response, string contact)
    {
        response.Headers.Add("Contact", contact);
        return Assert.IsType<SipResponse>(TestMessages.Parse(SipMessageWriter.ToArray(response)));
    }

    [Fact]
    public void A_uas_dialog_takes_its_identity_target_and_route_set_from_the_invite()
    {
        var invite = InviteThroughProxies();
        var ok = SipResponseBuilder.CreateResponse(invite, 200, "ourtag"u8);

        var dialog = SipDialog.CreateForUas(invite, ok, LocalContact);

        Assert.Equal(new SipDialogId("call-1@192.0.2.10", "ourtag", "alicetag"), dialog.Id);
        Assert.Equal("sip:alice@192.0.2.10:5062", dialog.RemoteTarget);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], dialog.RouteSet);
        Assert.Equal(7u, dialog.RemoteSequence);
        Assert.False(dialog.IsCaller);
    }

    [Fact]
    public void A_bye_from_the_uas_goes_to_the_caller_through_the_route_set_with_the_tags_swapped()
    {
        var invite = InviteThroughProxies();
        var dialog = SipDialog.CreateForUas(invite, SipResponseBuilder.CreateResponse(invite, 200, "ourtag"u8), LocalContact);

        var bye = TestMessages.ParseRequest(System.Text.Encoding.UTF8.GetString(SipMessageWriter.ToArray(WithVia(dialog.CreateRequest("BYE")))));

        Assert.Equal("sip:alice@192.0.2.10:5062", bye.RequestUri.Text());
        Assert.True(bye.TryGetRoutes(out var routes));
        Assert.Equal(["sip:p1.example.com;lr", "sip:p2.example.com;lr"], routes.Select(r => r.Uri.ToString()));
        Assert.True(bye.TryGetFrom(out var from));
        Assert.True(bye.TryGetTo(out var to));
        Assert.Equal("ourtag", from.Tag.Text());
        Assert.Equal("alicetag", to.Tag.Text());
        Assert.Equal("1 BYE", bye.Header("CSeq"));
        Assert.Equal("call-1@192.0.2.10", bye.Header("Call-ID"));
    }

    [Fact]
    public void A_uac_dialog_reverses_the_record_route_and_targets_the_answering_contact()
    {
        var invite = SipTestMessages.Outgoing("INVITE", "z9hG4bK-d1", cseq: 3);
        var ok = SipTestMessages.ResponseTo(invite, 200, "bobtag");
        ok.Headers.Add("Record-Route", "<sip:p1.example.com;lr>, <sip:p2.example.com;lr>");
        ok = WithContact(ok, "<sip:bob@192.0.2.20:5070>");

        var dialog = SipDialog.CreateForUac(invite, ok, LocalContact);

        Assert.Equal(new SipDialogId("out-1@198.51.100.1", "ourtag", "bobtag"), dialog.Id);
        Assert.Equal("sip:bob@192.0.2.20:5070", dialog.RemoteTarget);
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], dialog.RouteSet);
        Assert.Equal(3u, dialog.LocalSequence);
        Assert.Null(dialog.RemoteSequence);
    }

    [Fact]
    public void The_ack_for_a_2xx_keeps_the_invite_sequence_and_later_requests_count_on_from_it()
    {
        var invite = SipTestMessages.Outgoing("INVITE", "z9hG4bK-d2", cseq: 3);
        var dialog = SipDialog.CreateForUac(invite, WithContact(SipTestMessages.ResponseTo(invite, 200, "bobtag"), "<sip:bob@192.0.2.20>"), LocalContact);

        var ack = dialog.CreateAck(3);
        var reInvite = dialog.CreateRequest("INVITE");

        Assert.Equal("3 ACK", ack.Header("CSeq"));
        Assert.Equal("sip:bob@192.0.2.20", ack.RequestUri.Text());
        Assert.Equal("4 INVITE", reInvite.Header("CSeq"));
        Assert.Equal($"<{LocalContact}>", reInvite.Header("Contact"));
    }

    [Fact]
    public void A_strict_router_becomes_the_request_uri_and_the_target_the_last_route()
    {
        var invite = SipTestMessages.Outgoing("INVITE", "z9hG4bK-d3");
        var ok = SipTestMessages.ResponseTo(invite, 200, "bobtag");
        ok.Headers.Add("Record-Route", "<sip:strict.example.com>");
        var dialog = SipDialog.CreateForUac(invite, WithContact(ok, "<sip:bob@192.0.2.20>"), LocalContact);

        var bye = dialog.CreateRequest("BYE");

        Assert.Equal("sip:strict.example.com", bye.RequestUri.Text());
        Assert.True(bye.TryGetRoutes(out var routes));
        Assert.Equal(["sip:bob@192.0.2.20"], routes.Select(r => r.Uri.ToString()));
    }

    [Fact]
    public void A_request_older_than_the_last_one_from_the_peer_is_out_of_order()
    {
        var invite = SipTestMessages.Request("INVITE", cseq: 7);
        var dialog = SipDialog.CreateForUas(invite, SipResponseBuilder.CreateResponse(invite, 200, "ourtag"u8), LocalContact);

        Assert.False(dialog.TryAcceptRequest(SipTestMessages.Request("BYE", cseq: 6, toTag: "ourtag")));
        Assert.True(dialog.TryAcceptRequest(SipTestMessages.Request("ACK", cseq: 7, toTag: "ourtag")));
        Assert.True(dialog.TryAcceptRequest(SipTestMessages.Request("BYE", cseq: 8, toTag: "ourtag")));
        Assert.Equal(8u, dialog.RemoteSequence);
    }

    [Fact]
    public void A_re_invite_with_a_new_contact_moves_the_remote_target()
    {
        var invite = SipTestMessages.Request("INVITE", cseq: 1);
        var dialog = SipDialog.CreateForUas(invite, SipResponseBuilder.CreateResponse(invite, 200, "ourtag"u8), LocalContact);
        var reInvite = TestMessages.ParseRequest(
            System.Text.Encoding.UTF8.GetString(SipMessageWriter.ToArray(SipTestMessages.Request("INVITE", cseq: 2, toTag: "ourtag")))
                .Replace("<sip:alice@192.0.2.10:5062>", "<sip:alice@203.0.113.5:5099>", StringComparison.Ordinal));

        Assert.True(dialog.TryAcceptRequest(reInvite));

        Assert.Equal("sip:alice@203.0.113.5:5099", dialog.RemoteTarget);
    }

    [Fact]
    public void The_dialog_of_a_received_request_is_seen_from_our_side()
    {
        Assert.True(SipDialogId.TryForReceived(SipTestMessages.Request("BYE", toTag: "ourtag"), out var id));

        Assert.Equal(new SipDialogId("call-1@192.0.2.10", "ourtag", "alicetag"), id);
        Assert.False(SipDialogId.TryForReceived(SipTestMessages.Request("INVITE"), out _));
    }

    private static SipRequest WithVia(SipRequest request)
    {
        request.Headers.Add("Via", "SIP/2.0/UDP 198.51.100.1;branch=z9hG4bKbye");
        return request;
    }
}
