using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests;

/// <summary>
/// What real peers sent to a UDP listener on 127.0.0.1: sipp's built-in uac scenario (an INVITE with SDP) and
/// baresip registering, first plainly, then with Digest credentials after a 401.
/// </summary>
public class SipMessageParserCaptureTests
{
    [Fact]
    public void Sipp_invite_with_sdp_parses_with_its_values()
    {
        var request = Assert.IsType<SipRequest>(TestMessages.Parse(TestMessages.Capture("sipp-uac-invite.sip")));

        Assert.True(request.IsMethod(SipMethods.Invite));
        Assert.Equal("sip:1000@127.0.0.1:5099", request.RequestUri.Text());
        Assert.True(request.TryGetVias(out var vias));
        var via = Assert.Single(vias);
        Assert.Equal("UDP", via.Transport.Text());
        Assert.Equal("127.0.0.1", via.Host.Text());
        Assert.Equal(5098, via.Port);
        Assert.Equal("z9hG4bK-9986-1-0", via.Branch.Text());
        Assert.True(request.TryGetFrom(out var from));
        Assert.Equal("sipp", from.DisplayName.Text());
        Assert.Equal("9986SIPpTag001", from.Tag.Text());
        Assert.True(request.TryGetTo(out var to));
        Assert.False(to.HasTag);
        Assert.Equal("1000", to.Uri.User.Text());
        Assert.Equal("1-9986@127.0.0.1", request.Header("Call-ID"));
        Assert.True(request.TryGetCSeq(out var cseq));
        Assert.Equal(1u, cseq.Number);
        Assert.True(request.TryGetMaxForwards(out var hops));
        Assert.Equal(70, hops);
        Assert.True(request.TryGetContacts(out var contacts));
        Assert.Equal(5098, Assert.Single(contacts.Contacts).Uri.Port);
        Assert.True(request.TryGetContentType(out var contentType));
        Assert.True(contentType.Is("application/sdp"u8));
        Assert.Equal(129, request.Body.Length);
        Assert.StartsWith("v=0\r\n", request.Body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Baresip_register_parses_with_its_values()
    {
        var request = Assert.IsType<SipRequest>(TestMessages.Parse(TestMessages.Capture("baresip-register.sip")));

        Assert.True(request.IsMethod(SipMethods.Register));
        Assert.True(SipUri.TryParse(request.RequestUri, out var registrar));
        Assert.Equal(5099, registrar.Port);
        Assert.True(registrar.Parameters.TryGetValue("transport"u8, out var transport));
        Assert.Equal("udp", transport.Text());
        Assert.True(request.TryGetVias(out var vias));
        var via = Assert.Single(vias);
        Assert.True(via.HasRPort);
        Assert.Null(via.RPort);
        Assert.True(request.TryGetContacts(out var contacts));
        var contact = Assert.Single(contacts.Contacts);
        Assert.Equal(600u, contact.Expires);
        Assert.True(request.TryGetTo(out var to));
        Assert.Equal("agent1001", to.Uri.User.Text());
        Assert.True(request.TryGetAllow(out var methods));
        Assert.Equal(["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "NOTIFY", "SUBSCRIBE", "INFO", "MESSAGE", "REFER"], methods.Select(m => m.Text()));
        Assert.Equal("baresip v1.0.0 (x86_64/linux)", request.Header("User-Agent"));
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void Baresip_digest_credentials_parse_with_their_values()
    {
        var request = TestMessages.Parse(TestMessages.Capture("baresip-register-authorization.sip"));

        Assert.True(request.TryGetAuthentication(SipHeaderNames.Authorization, out var credentials));
        var digest = Assert.Single(credentials);
        Assert.True(digest.IsDigest);
        Assert.Equal(
            ["username=agent1001", "realm=switchboard.test", "nonce=5f2a9c1d7e", "uri=sip:127.0.0.1:5099;transport=udp",
             "response=3a8542c4ab24a02e2c5feee824a4556f", "cnonce=e7401c90a87d8e77", "qop=auth", "nc=00000001"],
            digest.Parameters.Select(p => p.ToString()));
    }
}
