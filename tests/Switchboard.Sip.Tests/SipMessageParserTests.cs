using System.Text;

namespace Switchboard.Sip.Tests;

public class SipMessageParserTests
{
    private const string Options = """
        OPTIONS sip:agent@switchboard.test SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKopt1
        Max-Forwards: 70
        From: <sip:monitor@example.com>;tag=m1
        To: <sip:agent@switchboard.test>
        Call-ID: opt-1@192.0.2.10
        CSeq: 1 OPTIONS
        Content-Length: 0


        """;

    [Fact]
    public void Compact_header_names_are_stored_under_their_full_names()
    {
        var message = TestMessages.Parse(TestMessages.Wire("""
            INVITE sip:agent@switchboard.test SIP/2.0
            v: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKc1
            f: <sip:caller@example.com>;tag=1
            t: <sip:agent@switchboard.test>
            i: compact-1
            CSeq: 1 INVITE
            m: <sip:caller@192.0.2.10>
            c: application/sdp
            k: replaces
            l: 0


            """));

        Assert.Equal(["Via", "From", "To", "Call-ID", "CSeq", "Contact", "Content-Type", "Supported", "Content-Length"],
            message.Headers.Select(h => h.Name.Text()));
        Assert.Equal("compact-1", message.Header("call-id"));
        Assert.Equal("compact-1", message.Header("i"));
    }

    [Fact]
    public void Repeated_and_comma_separated_values_are_one_list_but_quotes_and_brackets_are_not_split()
    {
        var request = TestMessages.ParseRequest("""
            INVITE sip:agent@switchboard.test SIP/2.0
            Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp2, SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKc2
            Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKc1
            From: "Doe, John" <sip:john,doe@example.com>;tag=1
            To: <sip:agent@switchboard.test>
            Call-ID: list-1
            CSeq: 1 INVITE
            Contact: "A, B" <sip:a@example.com>, <sip:b,c@example.com>
            Content-Length: 0


            """);

        Assert.Equal(3, request.Headers.GetListElements(SipHeaderNames.Via).Count);
        Assert.Equal(2, request.Headers.GetValues(SipHeaderNames.Via).Count);
        Assert.Equal(["\"A, B\" <sip:a@example.com>", "<sip:b,c@example.com>"],
            request.Headers.GetListElements(SipHeaderNames.Contact).Select(c => c.Text()));
        Assert.Single(request.Headers.GetListElements(SipHeaderNames.From));
    }

    [Fact]
    public void Parsed_message_does_not_change_when_the_receive_buffer_is_reused()
    {
        var buffer = TestMessages.Wire(Options);
        var message = TestMessages.Parse(buffer);

        Array.Fill(buffer, (byte)'x');

        Assert.Equal("opt-1@192.0.2.10", message.Header("Call-ID"));
        Assert.Equal("sip:agent@switchboard.test", Assert.IsType<SipRequest>(message).RequestUri.Text());
    }

    [Fact]
    public void Leading_keep_alive_line_breaks_are_skipped()
    {
        var message = TestMessages.Parse([.. "\r\n\r\n"u8, .. TestMessages.Wire(Options)]);

        Assert.Equal("OPTIONS", Assert.IsType<SipRequest>(message).Method.Text());
    }

    [Theory]
    [InlineData("Via", "Missing Via")]
    [InlineData("From", "Missing From")]
    [InlineData("To", "Missing To")]
    [InlineData("Call-ID", "Missing Call-ID")]
    [InlineData("CSeq", "Missing CSeq")]
    public void Request_without_a_mandatory_header_is_rejected_naming_it(string header, string reason)
    {
        var without = string.Join('\n', Options.Split('\n').Where(line => !line.StartsWith(header + ":", StringComparison.Ordinal)));

        Assert.False(SipMessageParser.TryParse(TestMessages.Wire(without), out _, out var error));
        Assert.Equal(reason, error.Reason);
        Assert.Equal(SipParseErrorKind.MissingHeader, error.Kind);
    }

    [Fact]
    public void Request_without_max_forwards_is_accepted()
    {
        var without = Options.Replace("Max-Forwards: 70\n", "", StringComparison.Ordinal);

        Assert.True(SipMessageParser.TryParse(TestMessages.Wire(without), out _, out var error), error.Reason);
    }

    [Theory]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: one OPTIONS", "Bad CSeq")]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: 1", "Bad CSeq")]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: 2147483648 OPTIONS", "Bad CSeq")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: 256", "Bad Max-Forwards")]
    [InlineData("Content-Length: 0", "Content-Length: 12", "Content-Length larger than the message")]
    [InlineData("Content-Length: 0", "Content-Length: zero", "Bad Content-Length")]
    [InlineData("Call-ID: opt-1@192.0.2.10", "Call-ID: a b", "Bad Call-ID")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKopt1", "Via: SIP/2.0 192.0.2.10", "Bad Via")]
    [InlineData("To: <sip:agent@switchboard.test>", "To: <sip:agent@switchboard.test", "Bad To")]
    [InlineData("OPTIONS sip:agent@switchboard.test SIP/2.0", "OPTIONS sip:agent@switchboard.test SIP/2", "Bad SIP version")]
    [InlineData("OPTIONS sip:agent@switchboard.test SIP/2.0", "OPTIONS sip:agent@[::1 SIP/2.0", "Bad Request-URI")]
    [InlineData("Max-Forwards: 70", "Max-Forwards 70", "Header line without a colon")]
    [InlineData("Max-Forwards: 70", "Max Forwards: 70", "Bad header name")]
    [InlineData("Via: SIP", " Via: SIP", "Continuation line without a header")]
    public void Malformed_request_is_rejected_with_a_reason(string line, string replacement, string reason)
    {
        var malformed = TestMessages.Wire(Options.Replace(line, replacement, StringComparison.Ordinal));

        Assert.False(SipMessageParser.TryParse(malformed, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Response_needs_the_same_headers_as_a_request()
    {
        var response = TestMessages.Wire("""
            SIP/2.0 180 Ringing
            Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKr1
            From: <sip:caller@example.com>;tag=1
            To: <sip:agent@switchboard.test>;tag=2
            CSeq: 1 INVITE
            Content-Length: 0


            """);

        Assert.False(SipMessageParser.TryParse(response, out _, out var error));
        Assert.Equal("Missing Call-ID", error.Reason);
    }

    [Fact]
    public void Headers_without_an_empty_line_are_incomplete()
    {
        var cut = TestMessages.Wire(Options)[..100];

        Assert.False(SipMessageParser.TryParse(cut, out _, out var error));
        Assert.Equal(SipParseErrorKind.Incomplete, error.Kind);
    }

    [Fact]
    public void Too_many_headers_are_refused()
    {
        var extra = string.Concat(Enumerable.Range(0, 200).Select(i => $"X-Extra-{i}: {i}\n"));
        var message = TestMessages.Wire(Options.Replace("Content-Length: 0\n", extra + "Content-Length: 0\n", StringComparison.Ordinal));

        Assert.False(SipMessageParser.TryParse(message, out _, out var error));
        Assert.Equal("Too many headers", error.Reason);
        Assert.True(SipMessageParser.TryParse(message, new SipParserLimits { MaxHeaderCount = 300 }, out _, out error), error.Reason);
    }

    [Fact]
    public void Too_long_a_header_line_is_refused()
    {
        var message = TestMessages.Wire(Options.Replace("Content-Length: 0\n", $"Subject: {new string('a', 5000)}\nContent-Length: 0\n", StringComparison.Ordinal));

        Assert.False(SipMessageParser.TryParse(message, out _, out var error));
        Assert.Equal("Line too long", error.Reason);
        Assert.Equal(SipParseErrorKind.LineTooLong, error.Kind);
    }

    [Fact]
    public void Too_large_a_header_section_is_refused()
    {
        var lines = string.Concat(Enumerable.Range(0, 100).Select(i => $"X-Padding-{i}: {new string('p', 200)}\n"));
        var message = TestMessages.Wire(Options.Replace("Content-Length: 0\n", lines + "Content-Length: 0\n", StringComparison.Ordinal));

        Assert.False(SipMessageParser.TryParse(message, out _, out var error));
        Assert.Equal("Header section too large", error.Reason);
    }

    [Fact]
    public void Too_large_a_message_is_refused()
    {
        var body = new string('b', 70_000);
        var message = TestMessages.Wire(Options.Replace("Content-Length: 0", $"Content-Length: {body.Length}", StringComparison.Ordinal) + body);

        Assert.False(SipMessageParser.TryParse(message, out _, out var error));
        Assert.Equal(SipParseErrorKind.TooLarge, error.Kind);
        Assert.Equal("Message too large", error.Reason);
    }

    [Fact]
    public void Body_ends_at_content_length_and_the_rest_of_a_datagram_is_ignored()
    {
        var data = TestMessages.Wire(Options.Replace("Content-Length: 0", "Content-Length: 5", StringComparison.Ordinal) + "hello and more");

        var message = TestMessages.Parse(data);

        Assert.Equal("hello", Encoding.UTF8.GetString(message.Body.Span));
    }
}
