using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests;

/// <summary>The torture messages of RFC 4475, parsed as a receiving element would.</summary>
public class SipMessageParserTortureTests
{
    [Theory]
    // §3.1.1: syntactically valid messages every element must parse.
    [InlineData("wsinv.dat")]
    [InlineData("intmeth.dat")]
    [InlineData("esc01.dat")]
    [InlineData("escnull.dat")]
    [InlineData("esc02.dat")]
    [InlineData("lwsdisp.dat")]
    [InlineData("longreq.dat")]
    [InlineData("dblreq.dat")]
    [InlineData("semiuri.dat")]
    [InlineData("transports.dat")]
    [InlineData("mpart01.dat")]
    [InlineData("unreason.dat")]
    [InlineData("noreason.dat")]
    // §3.1.2.14: the version is syntactically fine; parsed so that the UAS can answer 505 from it.
    [InlineData("badvers.dat")]
    // §3.2: a branch of only the magic cookie is valid syntax; the transaction layer deals with it.
    [InlineData("badbranch.dat")]
    // §3.3: valid syntax whose meaning later layers answer (416, 420, 415, 483, 401...).
    [InlineData("unkscm.dat")]
    [InlineData("novelsc.dat")]
    [InlineData("unksm2.dat")]
    [InlineData("bext01.dat")]
    [InlineData("invut.dat")]
    [InlineData("regaut01.dat")]
    [InlineData("bcast.dat")]
    [InlineData("zeromf.dat")]
    [InlineData("cparam01.dat")]
    [InlineData("cparam02.dat")]
    [InlineData("regescrt.dat")]
    [InlineData("sdp01.dat")]
    // §3.4: an RFC 2543 INVITE (no branch, no Max-Forwards, no tag) is still parsed.
    [InlineData("inv2543.dat")]
    public void Valid_torture_message_parses(string file)
    {
        var parsed = SipMessageParser.TryParse(TestMessages.Torture(file), out var message, out var error);

        Assert.True(parsed, error.Reason);
        Assert.NotNull(message);
        Assert.True(message.TryGetCSeq(out _));
        Assert.True(message.TryGetVias(out _));
    }

    [Theory]
    // §3.1.2.1: empty Via and Contact parameters.
    [InlineData("badinv01.dat", "Bad Via")]
    // §3.1.2.2: Content-Length 9999 on a short datagram.
    [InlineData("clerr.dat", "Content-Length larger than the message")]
    // §3.1.2.3: a negative Content-Length.
    [InlineData("ncl.dat", "Bad Content-Length")]
    // §3.1.2.4: CSeq above 2**31 (and Max-Forwards 300, Expires past 2**32) — answered 400.
    [InlineData("scalar02.dat", "Bad CSeq")]
    // §3.1.2.5: a response with an out-of-range CSeq is dropped.
    [InlineData("scalarlg.dat", "Bad CSeq")]
    // §3.1.2.6: an unterminated quote in To.
    [InlineData("quotbal.dat", "Bad To")]
    // §3.1.2.7: the Request-URI inside <>.
    [InlineData("ltgtruri.dat", "Bad Request-URI")]
    // §3.1.2.8: whitespace inside the Request-URI.
    [InlineData("lwsruri.dat", "Bad request line")]
    // §3.1.2.9: several spaces between the start line's elements; the RFC lets us reject rather than be liberal.
    [InlineData("lwsstart.dat", "Bad request line")]
    // §3.1.2.10: spaces after the version; likewise rejected rather than tolerated.
    [InlineData("trws.dat", "Bad request line")]
    // §3.1.2.11: a bare Contact URI with escaped headers must be in <>.
    [InlineData("regbadct.dat", "Bad Contact")]
    // §3.1.2.12: spaces inside <> around the To URI; rejected rather than tolerated.
    [InlineData("badaspec.dat", "Bad To")]
    // §3.1.2.13: an unquoted display name with a comma.
    [InlineData("baddn.dat", "Bad From")]
    // §3.1.2.15 and 16: CSeq method differs from the request method.
    [InlineData("mismatch01.dat", "CSeq method does not match the request method")]
    [InlineData("mismatch02.dat", "CSeq method does not match the request method")]
    // §3.1.2.17: a status code of ten digits.
    [InlineData("bigcode.dat", "Bad status code")]
    // §3.3.1: To, From, Call-ID and Max-Forwards missing; the answer is 400, which the reason phrase gives.
    [InlineData("insuf.dat", "Missing From")]
    // §3.3.9: CSeq, Call-ID, To, From and Max-Forwards twice; answered 400.
    [InlineData("multi01.dat", "Duplicate From")]
    // §3.3.10: two Content-Length values; the body cannot be delimited, answered 400.
    [InlineData("mcl01.dat", "Duplicate Content-Length")]
    public void Invalid_torture_message_is_rejected_with_a_reason(string file, string reason)
    {
        var parsed = SipMessageParser.TryParse(TestMessages.Torture(file), out var message, out var error);

        Assert.False(parsed);
        Assert.Null(message);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Whitespace_torture_is_unfolded_and_read_through()
    {
        var message = TestMessages.Parse(TestMessages.Torture("wsinv.dat"));

        Assert.Equal("sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n", message.Header("To"));
        Assert.Equal("newfangled value continued newfangled value", message.Header("NewFangledHeader"));
        Assert.Equal("", message.Header("Subject"));
        Assert.Equal(";;,,;;,;", message.Header("UnknownHeaderWithUnusualValue"));
        Assert.True(message.TryGetTo(out var to));
        Assert.Equal("1918181833n", to.Tag.Text());
        Assert.True(message.TryGetFrom(out var from));
        Assert.Equal("J Rosenberg \\\"", from.DisplayName.Text());
        Assert.Equal("98asjd8", from.Tag.Text());
        Assert.True(message.TryGetMaxForwards(out var hops));
        Assert.Equal(68, hops);
        Assert.True(message.TryGetCSeq(out var cseq));
        Assert.Equal(9u, cseq.Number);
        Assert.Equal("INVITE", cseq.Method.Text());
        Assert.True(message.TryGetVias(out var vias));
        Assert.Equal(["UDP", "TCP", "UDP"], vias.Select(v => v.Transport.Text()));
        Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], vias.Select(v => v.Host.Text()));
        Assert.Equal("z9hG4bK30239", vias[2].Branch.Text());
        Assert.True(message.TryGetContacts(out var contacts));
        var contact = Assert.Single(contacts.Contacts);
        Assert.Equal("Quoted string \"\"", contact.Address.DisplayName.Text());
        Assert.Equal(0.33, contact.Q);
        Assert.True(contact.Address.Parameters.TryGetValue("newparam"u8, out var newParam));
        Assert.Equal("newvalue", newParam.Text());
        Assert.True(message.TryGetRoutes(out var routes));
        Assert.True(Assert.Single(routes).Uri.Parameters.Contains("lr"u8));
        Assert.Equal(150, message.Body.Length);
    }

    [Fact]
    public void Escaped_users_and_parameters_are_unescaped()
    {
        var message = TestMessages.Parse(TestMessages.Torture("esc01.dat"));

        var request = Assert.IsType<SipRequest>(message);
        Assert.True(SipUri.TryParse(request.RequestUri, out var requestUri));
        Assert.Equal("sips:user@example.com", requestUri.User.Text());
        Assert.Equal("example.net", requestUri.Host.Text());
        Assert.True(message.TryGetTo(out var to));
        Assert.Equal("user", to.Uri.User.Text());
        Assert.True(message.TryGetFrom(out var from));
        Assert.Equal("I have spaces", from.Uri.User.Text());
        Assert.True(message.TryGetContacts(out var contacts));
        var contactUri = Assert.Single(contacts.Contacts).Uri;
        Assert.Equal("caller", contactUri.User.Text());
        Assert.True(contactUri.Parameters.Contains("lr"u8));
        Assert.True(contactUri.Parameters.TryGetValue("name"u8, out var name));
        Assert.Equal("value%41", name.Text());
    }

    [Fact]
    public void Escaped_null_stays_a_byte_of_the_user()
    {
        var message = TestMessages.Parse(TestMessages.Torture("escnull.dat"));

        Assert.True(message.TryGetTo(out var to));
        Assert.Equal("null-\0-null", to.Uri.User.Text());
        Assert.True(message.TryGetContacts(out var contacts));
        Assert.Equal(["\0", "\0\0"], contacts.Contacts.Select(c => c.Uri.User.Text()));
    }

    [Fact]
    public void Unusual_method_uri_and_display_name_are_read_as_written()
    {
        var message = TestMessages.Parse(TestMessages.Torture("intmeth.dat"));

        var request = Assert.IsType<SipRequest>(message);
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", request.Method.Text());
        Assert.True(SipUri.TryParse(request.RequestUri, out var uri));
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", uri.User.Text());
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", uri.Password.Text());
        Assert.True(message.TryGetTo(out var to));
        Assert.Equal("BEL:\a NUL:\0 DEL:\x7F", to.DisplayName.Text());
        Assert.True(message.TryGetFrom(out var from));
        Assert.Equal("token1~` token2'+_ token3*%!.-", from.DisplayName.Text());
        Assert.Equal("_token~1'+`*%!-.", from.Tag.Text());
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", message.Header("Call-ID"));
    }

    [Fact]
    public void Escaped_method_is_not_unescaped_and_escaped_header_name_is_another_header()
    {
        var message = TestMessages.Parse(TestMessages.Torture("esc02.dat"));

        Assert.Equal("RE%47IST%45R", Assert.IsType<SipRequest>(message).Method.Text());
        Assert.True(message.TryGetContacts(out var contacts));
        Assert.Equal(["alias1", "alias3"], contacts.Contacts.Select(c => c.Uri.User.Text()));
        Assert.Equal("<sip:alias2@host2.example.com>", message.Header("C%6Fntact"));
        Assert.True(message.TryGetTo(out var to));
        Assert.Equal("%Z%45", to.DisplayName.Text());
    }

    [Fact]
    public void Long_values_and_many_vias_are_kept_whole()
    {
        var message = TestMessages.Parse(TestMessages.Torture("longreq.dat"));

        Assert.True(message.TryGetVias(out var vias));
        Assert.Equal(34, vias.Count);
        Assert.Equal("sip33.example.com", vias[0].Host.Text());
        Assert.Equal("192.0.2.5", vias[^1].Received.Text());
        Assert.StartsWith("verylong", vias[^1].Branch.Text(), StringComparison.Ordinal);
        Assert.True(message.TryGetTo(out var to));
        Assert.Equal(6000, to.Uri.Port);
        Assert.True(to.Uri.Parameters.Contains("verylonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglongParameterNameWithNoValue"u8));
        Assert.Equal(150, message.Body.Length);
    }

    [Fact]
    public void Second_request_in_one_datagram_is_ignored()
    {
        var message = TestMessages.Parse(TestMessages.Torture("dblreq.dat"));

        Assert.Equal("REGISTER", Assert.IsType<SipRequest>(message).Method.Text());
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", message.Header("Call-ID"));
        Assert.True(message.Body.IsEmpty);
    }

    [Fact]
    public void Semicolon_in_the_user_belongs_to_the_user()
    {
        var request = Assert.IsType<SipRequest>(TestMessages.Parse(TestMessages.Torture("semiuri.dat")));

        Assert.True(SipUri.TryParse(request.RequestUri, out var uri));
        Assert.Equal("user;par=u@example.net", uri.User.Text());
        Assert.Equal("example.com", uri.Host.Text());
        Assert.Empty(uri.Parameters);
        Assert.Equal(6, request.Headers.GetListElements("Accept"u8).Count);
    }

    [Fact]
    public void Every_transport_token_is_read()
    {
        var message = TestMessages.Parse(TestMessages.Torture("transports.dat"));

        Assert.True(message.TryGetVias(out var vias));
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], vias.Select(v => v.Transport.Text()));
    }

    [Fact]
    public void Binary_multipart_body_is_kept_byte_for_byte()
    {
        var data = TestMessages.Torture("mpart01.dat");
        var message = TestMessages.Parse(data);

        Assert.Equal(553, message.Body.Length);
        Assert.True(data.AsSpan(data.Length - 553).SequenceEqual(message.Body.Span));
        Assert.True(message.TryGetContentType(out var contentType));
        Assert.True(contentType.Is("multipart/mixed"u8));
        Assert.True(contentType.Parameters.TryGetValue("boundary"u8, out var boundary));
        Assert.Equal("7a9cbec02ceef655", boundary.Text());
    }

    [Fact]
    public void Reason_phrases_may_be_utf8_or_empty()
    {
        var unusual = Assert.IsType<SipResponse>(TestMessages.Parse(TestMessages.Torture("unreason.dat")));
        var empty = Assert.IsType<SipResponse>(TestMessages.Parse(TestMessages.Torture("noreason.dat")));

        Assert.Equal(200, unusual.StatusCode);
        Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", unusual.ReasonPhrase.Text());
        Assert.Equal(100, empty.StatusCode);
        Assert.True(empty.ReasonPhrase.IsEmpty);
    }

    [Fact]
    public void Unknown_uri_schemes_are_parsed_but_not_sip()
    {
        var unknown = Assert.IsType<SipRequest>(TestMessages.Parse(TestMessages.Torture("unkscm.dat")));
        var novel = Assert.IsType<SipRequest>(TestMessages.Parse(TestMessages.Torture("novelsc.dat")));
        var register = TestMessages.Parse(TestMessages.Torture("unksm2.dat"));

        Assert.True(SipUri.TryParse(unknown.RequestUri, out var unknownUri));
        Assert.Equal(SipUriScheme.Other, unknownUri.Scheme);
        Assert.Equal("nobodyKnowsThisScheme", unknownUri.SchemeName.Text());
        Assert.True(SipUri.TryParse(novel.RequestUri, out var novelUri));
        Assert.False(novelUri.IsSip);
        Assert.True(register.TryGetTo(out var to));
        Assert.Equal("isbn", to.Uri.SchemeName.Text());
        Assert.True(register.TryGetContacts(out var contacts));
        Assert.False(Assert.Single(contacts.Contacts).Uri.IsSip);
    }

    [Fact]
    public void Unknown_authorization_scheme_keeps_its_parameters()
    {
        var message = TestMessages.Parse(TestMessages.Torture("regaut01.dat"));

        Assert.True(message.TryGetAuthentication(SipHeaderNames.Authorization, out var credentials));
        var authorization = Assert.Single(credentials);
        Assert.Equal("NoOneKnowsThisScheme", authorization.Scheme.Text());
        Assert.False(authorization.IsDigest);
        Assert.True(authorization.Parameters.TryGetValue("opaque-data"u8, out var value));
        Assert.Equal("here", value.Text());
    }

    [Fact]
    public void Contact_parameter_outside_brackets_belongs_to_the_header_and_inside_to_the_uri()
    {
        var outside = TestMessages.Parse(TestMessages.Torture("cparam01.dat"));
        var inside = TestMessages.Parse(TestMessages.Torture("cparam02.dat"));

        Assert.True(outside.TryGetContacts(out var outsideContacts));
        var header = Assert.Single(outsideContacts.Contacts);
        Assert.True(header.Address.Parameters.Contains("unknownparam"u8));
        Assert.Empty(header.Uri.Parameters);
        Assert.True(inside.TryGetContacts(out var insideContacts));
        var uri = Assert.Single(insideContacts.Contacts);
        Assert.True(uri.Uri.Parameters.Contains("unknownparam"u8));
        Assert.Empty(uri.Address.Parameters);
    }

    [Fact]
    public void Escaped_headers_of_a_contact_uri_are_unescaped()
    {
        var message = TestMessages.Parse(TestMessages.Torture("regescrt.dat"));

        Assert.True(message.TryGetContacts(out var contacts));
        Assert.True(Assert.Single(contacts.Contacts).Uri.Headers.TryGetValue("Route"u8, out var route));
        Assert.Equal("<sip:sip.example.com>", route.Text());
    }

    [Fact]
    public void Missing_max_forwards_and_content_length_are_tolerated_on_a_datagram()
    {
        var message = TestMessages.Parse(TestMessages.Torture("inv2543.dat"));

        Assert.False(message.TryGetMaxForwards(out _));
        Assert.True(message.TryGetFrom(out var from));
        Assert.False(from.HasTag);
        Assert.EndsWith("m=audio 49217 RTP/AVP 0\r\n", Encoding.UTF8.GetString(message.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_version_is_visible_for_a_505()
    {
        var message = TestMessages.Parse(TestMessages.Torture("badvers.dat"));

        Assert.False(message.IsSip20);
        Assert.Equal("SIP/7.0", message.Version.Text());
    }

    [Fact]
    public void Zero_max_forwards_is_read_as_zero()
    {
        var message = TestMessages.Parse(TestMessages.Torture("zeromf.dat"));

        Assert.True(message.TryGetMaxForwards(out var hops));
        Assert.Equal(0, hops);
    }
}
