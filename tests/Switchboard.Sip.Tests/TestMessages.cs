using System.Text;

namespace Switchboard.Sip.Tests;

/// <summary>Wire bytes from the test data folders, and the text a person would read from parsed bytes.</summary>
internal static class TestMessages
{
    public static byte[] Torture(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TortureMessages", file));

    public static byte[] Capture(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Captures", file));

    /// <summary>A message written in a test with "\n" line ends, sent as SIP sends it, with CRLF.</summary>
    public static byte[] Wire(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    public static SipMessage Parse(byte[] data)
    {
        Assert.True(SipMessageParser.TryParse(data, out var message, out var error), error.Reason);
        return message;
    }

    public static SipRequest ParseRequest(string text) => Assert.IsType<SipRequest>(Parse(Wire(text)));

    public static string Text(this ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    public static string Header(this SipMessage message, string name)
    {
        Assert.True(message.Headers.TryGetValue(Encoding.UTF8.GetBytes(name), out var value), $"no {name} header");
        return value.Text();
    }
}
