using System.Buffers;

namespace Switchboard.Sip;

/// <summary>
/// Serialises a message: start line, each header as "Name: value", a Content-Length computed from the body
/// (any Content-Length header in the collection is ignored), the empty line, the body. Lines end in CRLF. The size
/// is measured first, so a message is written once, straight into its final buffer.
/// </summary>
public static class SipMessageWriter
{
    public static void Write(SipMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var size = Measure(message);
        WriteTo(message, output.GetSpan(size)[..size]);
        output.Advance(size);
    }

    public static byte[] ToArray(SipMessage message)
    {
        var bytes = new byte[Measure(message)];
        WriteTo(message, bytes);
        return bytes;
    }

    /// <summary>How many bytes <paramref name="message"/> takes on the wire.</summary>
    public static int Measure(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message switch
        {
            SipRequest request => request.Method.Length + 1 + request.RequestUri.Length + 1 + request.Version.Length,
            SipResponse response => response.Version.Length + 1 + Digits(response.StatusCode) + 1 + response.ReasonPhrase.Length,
            _ => throw new ArgumentException("A message is a request or a response.", nameof(message)),
        } + 2;
        foreach (var header in message.Headers)
        {
            if (!header.HasName(SipHeaderNames.ContentLength))
                size += header.Name.Length + 2 + header.Value.Length + 2;
        }

        return size + "Content-Length: "u8.Length + Digits(message.Body.Length) + 4 + message.Body.Length;
    }

    // Writes into exactly Measure(message) bytes.
    private static void WriteTo(SipMessage message, Span<byte> output)
    {
        var at = 0;
        switch (message)
        {
            case SipRequest request:
                Put(output, ref at, request.Method.Span);
                Put(output, ref at, " "u8);
                Put(output, ref at, request.RequestUri.Span);
                Put(output, ref at, " "u8);
                Put(output, ref at, request.Version.Span);
                break;
            case SipResponse response:
                Put(output, ref at, response.Version.Span);
                Put(output, ref at, " "u8);
                PutNumber(output, ref at, response.StatusCode);
                Put(output, ref at, " "u8);
                Put(output, ref at, response.ReasonPhrase.Span);
                break;
        }

        Put(output, ref at, "\r\n"u8);
        foreach (var header in message.Headers)
        {
            if (header.HasName(SipHeaderNames.ContentLength))
                continue;
            Put(output, ref at, header.Name.Span);
            Put(output, ref at, ": "u8);
            Put(output, ref at, header.Value.Span);
            Put(output, ref at, "\r\n"u8);
        }

        Put(output, ref at, "Content-Length: "u8);
        PutNumber(output, ref at, message.Body.Length);
        Put(output, ref at, "\r\n\r\n"u8);
        Put(output, ref at, message.Body.Span);
    }

    private static void Put(Span<byte> output, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output[at..]);
        at += bytes.Length;
    }

    private static void PutNumber(Span<byte> output, ref int at, int value)
    {
        value.TryFormat(output[at..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        at += written;
    }

    private static int Digits(int value)
    {
        var digits = 1;
        for (; value >= 10; value /= 10)
            digits++;
        return digits;
    }
}
