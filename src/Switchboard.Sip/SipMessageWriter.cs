using System.Buffers;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip;

/// <summary>
/// Serialises a message: start line, each header as "Name: value", a Content-Length computed from the body
/// (any Content-Length header in the collection is ignored), the empty line, the body. Lines end in CRLF.
/// </summary>
public static class SipMessageWriter
{
    public static void Write(SipMessage message, IBufferWriter<byte> output)
    {
        WriteStartLine(message, output);
        foreach (var header in message.Headers)
        {
            if (header.HasName(SipHeaderNames.ContentLength))
                continue;
            output.Write(header.Name.Span);
            output.Write(": "u8);
            output.Write(header.Value.Span);
            output.Write("\r\n"u8);
        }
        output.Write("Content-Length: "u8);
        WriteNumber(message.Body.Length, output);
        output.Write("\r\n\r\n"u8);
        output.Write(message.Body.Span);
    }

    public static byte[] ToArray(SipMessage message)
    {
        var output = new ArrayBufferWriter<byte>(512 + message.Body.Length);
        Write(message, output);
        return output.WrittenSpan.ToArray();
    }

    private static void WriteStartLine(SipMessage message, IBufferWriter<byte> output)
    {
        switch (message)
        {
            case SipRequest request:
                output.Write(request.Method.Span);
                output.Write(" "u8);
                output.Write(request.RequestUri.Span);
                output.Write(" "u8);
                output.Write(request.Version.Span);
                break;
            case SipResponse response:
                output.Write(response.Version.Span);
                output.Write(" "u8);
                WriteNumber(response.StatusCode, output);
                output.Write(" "u8);
                output.Write(response.ReasonPhrase.Span);
                break;
            default:
                ThrowHelper.ThrowArgument("A message is a request or a response.", nameof(message));
                break;
        }
        output.Write("\r\n"u8);
    }

    private static void WriteNumber(int value, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(11);
        value.TryFormat(span, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        output.Advance(written);
    }
}
