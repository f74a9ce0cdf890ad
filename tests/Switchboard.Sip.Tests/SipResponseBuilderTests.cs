using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests;

public class SipResponseBuilderTests
{
    private static SipRequest Invite() => TestMessages.ParseRequest("""
        INVITE sip:agent@switchboard.test SIP/2.0
        Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp1;received=192.0.2.1
        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKc1;rport=5060
        Max-Forwards: 69
        From: "Caller" <sip:caller@example.com>;tag=from1
        To: Agent <sip:agent@switchboard.test>
        Call-ID: build-1@192.0.2.10
        CSeq: 7 INVITE
        Contact: <sip:caller@192.0.2.10>
        Timestamp: 54
        Content-Type: application/sdp
        Content-Length: 4

        v=0

        """);

    [Fact]
    public void Response_copies_via_from_call_id_and_cseq_and_tags_to()
    {
        var response = SipResponseBuilder.CreateResponse(Invite(), 180, "t1"u8);

        Assert.Equal(180, response.StatusCode);
        Assert.Equal("Ringing", response.ReasonPhrase.Text());
        Assert.Equal(
            ["Via", "Via", "From", "To", "Call-ID", "CSeq"],
            response.Headers.Select(h => h.Name.Text()));
        Assert.Equal(
            ["SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp1;received=192.0.2.1", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKc1;rport=5060"],
            response.Headers.GetValues(SipHeaderNames.Via).Select(v => v.Text()));
        Assert.Equal("\"Caller\" <sip:caller@example.com>;tag=from1", response.Header("From"));
        Assert.Equal("Agent <sip:agent@switchboard.test>;tag=t1", response.Header("To"));
        Assert.Equal("build-1@192.0.2.10", response.Header("Call-ID"));
        Assert.Equal("7 INVITE", response.Header("CSeq"));
        Assert.True(response.Body.IsEmpty);
    }

    [Fact]
    public void Written_response_parses_with_the_to_tag()
    {
        var response = SipResponseBuilder.CreateResponse(Invite(), 486, "t2"u8);

        var parsed = TestMessages.Parse(SipMessageWriter.ToArray(response));

        Assert.Equal("SIP/2.0 486 Busy Here", Encoding.UTF8.GetString(SipMessageWriter.ToArray(response)).Split("\r\n")[0]);
        Assert.True(parsed.TryGetTo(out var to));
        Assert.Equal("t2", to.Tag.Text());
        Assert.Equal("Agent", to.DisplayName.Text());
    }

    [Fact]
    public void Trying_gets_no_tag_but_keeps_the_timestamp()
    {
        var response = SipResponseBuilder.CreateResponse(Invite(), 100, "unused"u8);

        Assert.Equal("Agent <sip:agent@switchboard.test>", response.Header("To"));
        Assert.Equal("54", response.Header("Timestamp"));
    }

    [Fact]
    public void Existing_to_tag_of_an_in_dialog_request_is_kept()
    {
        var bye = TestMessages.ParseRequest("""
            BYE sip:agent@192.0.2.20 SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKb1
            From: <sip:caller@example.com>;tag=from1
            To: sip:agent@switchboard.test;tag=dialog7
            Call-ID: build-1@192.0.2.10
            CSeq: 8 BYE
            Content-Length: 0


            """);

        var response = SipResponseBuilder.CreateResponse(bye, 200, "other"u8);

        Assert.Equal("sip:agent@switchboard.test;tag=dialog7", response.Header("To"));
        Assert.Equal("OK", response.ReasonPhrase.Text());
    }

    [Fact]
    public void Addr_spec_to_gets_the_tag_as_a_header_parameter()
    {
        var request = TestMessages.Parse(TestMessages.Torture("semiuri.dat"));

        var response = SipResponseBuilder.CreateResponse(Assert.IsType<SipRequest>(request), 200, "x9"u8);

        Assert.True(response.TryGetTo(out var to));
        Assert.Equal("x9", to.Tag.Text());
        Assert.Empty(to.Uri.Parameters);
    }

    [Fact]
    public void Own_reason_phrase_is_used_when_given()
    {
        var response = SipResponseBuilder.CreateResponse(Invite(), 480, "Agent on break"u8, "t3"u8);

        Assert.Equal("Agent on break", response.ReasonPhrase.Text());
    }

    [Fact]
    public void Generated_tags_are_distinct_tokens()
    {
        var first = SipTag.Create();
        var second = SipTag.Create();

        Assert.NotEqual(first, second);
        Assert.Equal(16, first.Length);
        Assert.All(first, b => Assert.True(char.IsAsciiHexDigitLower((char)b) || char.IsAsciiDigit((char)b)));
    }
}
