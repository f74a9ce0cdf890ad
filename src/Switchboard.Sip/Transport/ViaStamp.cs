using System.Net;
using System.Text;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip.Transport;

/// <summary>
/// Records on a received request where it really came from (RFC 3261 §18.2.1, RFC 3581 §4): the top Via gets
/// received=IP when its host differs from the source, or whenever rport is asked for, and rport gets the source port.
/// </summary>
internal static class ViaStamp
{
    public static void Apply(SipRequest request, IPEndPoint source)
    {
        var headers = request.Headers;
        var lineIndex = -1;
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].HasName(SipHeaderNames.Via))
            {
                lineIndex = i;
                break;
            }
        }
        if (lineIndex < 0)
            return;
        var elements = new List<ReadOnlyMemory<byte>>();
        ListSplitter.Split(headers[lineIndex].Value, elements);
        if (!ViaHeader.TryParse(elements[0], out var via))
            return;
        var sourceAddress = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var sourceText = sourceAddress.ToString();
        var hostDiffers = !Encoding.ASCII.GetString(via.Host.Span).Trim('[', ']').Equals(sourceText, StringComparison.OrdinalIgnoreCase);
        if (!hostDiffers && !via.HasRPort)
            return;
        var stamped = new StringBuilder();
        stamped.Append(Encoding.ASCII.GetString(via.ProtocolName.Span)).Append('/')
            .Append(Encoding.ASCII.GetString(via.ProtocolVersion.Span)).Append('/')
            .Append(Encoding.ASCII.GetString(via.Transport.Span)).Append(' ')
            .Append(Encoding.ASCII.GetString(via.Host.Span));
        if (via.Port is { } port)
            stamped.Append(':').Append(port);
        foreach (var parameter in via.Parameters)
        {
            if (Ascii.EqualsIgnoreCase(parameter.Name.Span, "received"u8))
                continue;
            stamped.Append(';').Append(Encoding.UTF8.GetString(parameter.Name.Span));
            if (Ascii.EqualsIgnoreCase(parameter.Name.Span, "rport"u8))
                stamped.Append('=').Append(source.Port);
            else if (parameter.HasValue)
                stamped.Append('=').Append(ParameterValue(parameter.Value.Span));
        }
        stamped.Append(";received=").Append(sourceText);
        for (var i = 1; i < elements.Count; i++)
            stamped.Append(", ").Append(Encoding.UTF8.GetString(elements[i].Span));
        headers.ReplaceValue(lineIndex, Encoding.UTF8.GetBytes(stamped.ToString()));
    }

    /// <summary>Via parameter values were unquoted when parsed; a value that is not a plain token or address is quoted back.</summary>
    private static string ParameterValue(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (!SipSyntax.IsTokenChar(b) && b is not ((byte)':' or (byte)'[' or (byte)']'))
                return "\"" + Encoding.UTF8.GetString(value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }
        return Encoding.UTF8.GetString(value);
    }
}
