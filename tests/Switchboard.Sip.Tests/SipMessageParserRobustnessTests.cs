using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Tests;

/// <summary>Property-style checks with fixed seeds: whatever arrives, the parser answers and never throws.</summary>
public class SipMessageParserRobustnessTests
{
    private static readonly string[] Samples =
        ["wsinv.dat", "intmeth.dat", "esc01.dat", "longreq.dat", "mpart01.dat", "unreason.dat", "regaut01.dat", "badinv01.dat", "quotbal.dat"];

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(4475);
        var buffer = new byte[600];
        for (var i = 0; i < 5_000; i++)
        {
            var data = buffer.AsSpan(0, random.Next(buffer.Length));
            random.NextBytes(data);

            ParseAndViewEverything(data);
            SipStreamFramer.Frame(data);
        }
    }

    [Fact]
    public void Random_sip_alphabet_with_a_valid_skeleton_never_throws()
    {
        var random = new Random(3261);
        var alphabet = " \t\r\n:;,=<>\"\\@?&%/[]*.0123456789abcdefSIPsip-_~"u8.ToArray();
        var skeleton = TestMessages.Torture("wsinv.dat");
        for (var i = 0; i < 5_000; i++)
        {
            var data = (byte[])skeleton.Clone();
            var mutations = random.Next(1, 8);
            for (var m = 0; m < mutations; m++)
                data[random.Next(data.Length)] = alphabet[random.Next(alphabet.Length)];

            ParseAndViewEverything(data);
            SipStreamFramer.Frame(data);
        }
    }

    [Fact]
    public void Every_truncation_of_valid_messages_is_answered_without_throwing()
    {
        var cases = 0;
        foreach (var sample in Samples)
        {
            var data = TestMessages.Torture(sample);
            for (var length = 0; length <= data.Length; length++)
            {
                ParseAndViewEverything(data.AsSpan(0, length));
                var frame = SipStreamFramer.Frame(data.AsSpan(0, length));
                // The framer never claims a message longer than what is buffered.
                Assert.True(frame.Status != SipFrameStatus.Message || frame.MessageLength <= length);
                cases++;
            }
        }
        Assert.True(cases > 5_000);
    }

    private static void ParseAndViewEverything(ReadOnlySpan<byte> data)
    {
        if (!SipMessageParser.TryParse(data, out var message, out var error))
        {
            Assert.NotEqual(SipParseErrorKind.None, error.Kind);
            Assert.False(string.IsNullOrEmpty(error.Reason));
            return;
        }
        // Every typed view must answer too, and a parsed message must write and parse again.
        message.TryGetVias(out _);
        message.TryGetFrom(out _);
        message.TryGetTo(out _);
        message.TryGetCSeq(out _);
        message.TryGetContacts(out _);
        message.TryGetRoutes(out _);
        message.TryGetRecordRoutes(out _);
        message.TryGetContentType(out _);
        message.TryGetExpires(out _);
        message.TryGetAllow(out _);
        message.TryGetSupported(out _);
        message.TryGetAuthentication(SipHeaderNames.Authorization, out _);
        if (message is SipRequest request)
            _ = SipUri.TryParse(request.RequestUri, out _);
        Assert.True(SipMessageParser.TryParse(SipMessageWriter.ToArray(message), out _, out var again), again.Reason);
    }
}
