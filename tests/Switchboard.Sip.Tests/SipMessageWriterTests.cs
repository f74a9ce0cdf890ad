using System.Buffers;
using System.Text;

namespace Switchboard.Sip.Tests;

public class SipMessageWriterTests
{
    [Theory]
    [InlineData("wsinv.dat")]
    [InlineData("intmeth.dat")]
    [InlineData("esc01.dat")]
    [InlineData("longreq.dat")]
    [InlineData("mpart01.dat")]
    [InlineData("unreason.dat")]
    [InlineData("noreason.dat")]
    [InlineData("inv2543.dat")]
    public void Written_torture_message_parses_back_to_the_same_message(string file) =>
        AssertRoundTrip(TestMessages.Parse(TestMessages.Torture(file)));

    [Theory]
    [InlineData("sipp-uac-invite.sip")]
    [InlineData("baresip-register.sip")]
    [InlineData("baresip-register-authorization.sip")]
    public void Written_capture_parses_back_to_the_same_message(string file) =>
        AssertRoundTrip(TestMessages.Parse(TestMessages.Capture(file)));

    [Fact]
    public void Captured_message_is_written_back_byte_for_byte()
    {
        var data = TestMessages.Capture("baresip-register.sip");

        var written = SipMessageWriter.ToArray(TestMessages.Parse(data));

        Assert.Equal(Encoding.UTF8.GetString(data), Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Folded_headers_are_written_on_one_line_with_full_names()
    {
        var written = Encoding.UTF8.GetString(SipMessageWriter.ToArray(TestMessages.Parse(TestMessages.Torture("wsinv.dat"))));

        Assert.Contains("\r\nTo: sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n\r\n", written, StringComparison.Ordinal);
        Assert.Contains("\r\nVia: SIP  / 2.0  / TCP     spindle.example.com   ; branch  =   z9hG4bK9ikj8  , SIP  /    2.0   / UDP  192.168.255.111   ; branch= z9hG4bK30239\r\n", written, StringComparison.Ordinal);
        Assert.Contains("\r\nSubject: \r\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_length_is_written_from_the_body_whatever_the_headers_say()
    {
        var request = new SipRequest("MESSAGE", "sip:agent@switchboard.test");
        request.Headers.Add("Content-Length", "999");
        request.Headers.Add("Content-Type", "text/plain");
        request.Body = "Hello"u8.ToArray();
        var output = new ArrayBufferWriter<byte>();

        SipMessageWriter.Write(request, output);

        Assert.Equal(
            "MESSAGE sip:agent@switchboard.test SIP/2.0\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nHello",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(1000)]
    public void A_message_is_written_once_into_an_array_of_exactly_its_size(int bodyLength)
    {
        var response = SipResponseBuilder.CreateResponse((SipRequest)TestMessages.Parse(TestMessages.Capture("sipp-uac-invite.sip")), 200, "x1"u8);
        response.Body = new byte[bodyLength];
        SipMessageWriter.ToArray(response);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var written = SipMessageWriter.ToArray(response);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(SipMessageWriter.Measure(response), written.Length);
        Assert.EndsWith($"Content-Length: {bodyLength}\r\n\r\n", Encoding.ASCII.GetString(written, 0, written.Length - bodyLength), StringComparison.Ordinal);
        // The array itself and its object header, nothing else: no growing buffer, no second copy.
        Assert.InRange(allocated, written.Length, written.Length + 32);
    }

    private static void AssertRoundTrip(SipMessage original)
    {
        var written = SipMessageWriter.ToArray(original);

        var reparsed = TestMessages.Parse(written);

        switch (original)
        {
            case SipRequest request:
                var reparsedRequest = Assert.IsType<SipRequest>(reparsed);
                Assert.Equal(request.Method.Text(), reparsedRequest.Method.Text());
                Assert.Equal(request.RequestUri.Text(), reparsedRequest.RequestUri.Text());
                break;
            case SipResponse response:
                var reparsedResponse = Assert.IsType<SipResponse>(reparsed);
                Assert.Equal(response.StatusCode, reparsedResponse.StatusCode);
                Assert.Equal(response.ReasonPhrase.Text(), reparsedResponse.ReasonPhrase.Text());
                break;
        }
        var withoutLength = original.Headers.Where(h => !h.HasName(SipHeaderNames.ContentLength));
        var reparsedWithoutLength = reparsed.Headers.Where(h => !h.HasName(SipHeaderNames.ContentLength));
        Assert.Equal(withoutLength.Select(h => h.ToString()), reparsedWithoutLength.Select(h => h.ToString()));
        Assert.True(original.Body.Span.SequenceEqual(reparsed.Body.Span));
        Assert.True(reparsed.Headers.TryGetValue(SipHeaderNames.ContentLength, out var length));
        Assert.Equal(original.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), length.Text());
    }
}
