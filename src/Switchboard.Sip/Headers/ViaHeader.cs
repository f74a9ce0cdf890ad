using Switchboard.Sip.Internal;

namespace Switchboard.Sip.Headers;

/// <summary>
/// One Via element (RFC 3261 §20.42, §18.2.1; rport from RFC 3581): sent-protocol, sent-by and the parameters
/// transactions and responses are routed by.
/// </summary>
public sealed class ViaHeader
{
    private ViaHeader(ReadOnlyMemory<byte> protocolName, ReadOnlyMemory<byte> protocolVersion, ReadOnlyMemory<byte> transport,
        ReadOnlyMemory<byte> host, int? port, SipParameterList parameters)
    {
        ProtocolName = protocolName;
        ProtocolVersion = protocolVersion;
        Transport = transport;
        Host = host;
        Port = port;
        Parameters = parameters;
    }

    /// <summary>"SIP".</summary>
    public ReadOnlyMemory<byte> ProtocolName { get; }

    /// <summary>"2.0".</summary>
    public ReadOnlyMemory<byte> ProtocolVersion { get; }

    /// <summary>UDP, TCP, TLS, SCTP, WS, WSS or any other token.</summary>
    public ReadOnlyMemory<byte> Transport { get; }

    /// <summary>The sent-by host; an IPv6 reference keeps its brackets.</summary>
    public ReadOnlyMemory<byte> Host { get; }

    /// <summary>The sent-by port, or null when absent.</summary>
    public int? Port { get; }

    public SipParameterList Parameters { get; }

    public ReadOnlyMemory<byte> Branch => Value("branch"u8);

    public bool HasBranch => Parameters.Contains("branch"u8);

    public ReadOnlyMemory<byte> Received => Value("received"u8);

    public ReadOnlyMemory<byte> MAddr => Value("maddr"u8);

    public int? Ttl { get; private set; }

    /// <summary>Whether rport is present, with or without a value (a client asks for it empty).</summary>
    public bool HasRPort => Parameters.Contains("rport"u8);

    /// <summary>The rport value a server filled in, or null.</summary>
    public int? RPort { get; private set; }

    public static bool TryParse(ReadOnlyMemory<byte> value, out ViaHeader via)
    {
        via = null!;
        var span = value.Span;
        var position = 0;
        if (!TryReadProtocolPart(value, ref position, out var name) || !TryReadSlash(span, ref position)
            || !TryReadProtocolPart(value, ref position, out var version) || !TryReadSlash(span, ref position)
            || !TryReadProtocolPart(value, ref position, out var transport))
        {
            return false;
        }
        var hostStart = SipSyntax.SkipWhitespace(span, position);
        if (hostStart == position)
            return false;
        var hostLength = HostSyntax.ScanHost(span, hostStart);
        if (hostLength == 0)
            return false;
        var host = value.Slice(hostStart, hostLength);
        position = SipSyntax.SkipWhitespace(span, hostStart + hostLength);
        int? port = null;
        if (position < span.Length && span[position] == (byte)':')
        {
            var portStart = SipSyntax.SkipWhitespace(span, position + 1);
            position = portStart;
            while (position < span.Length && SipSyntax.IsDigit(span[position]))
                position++;
            if (!HostSyntax.TryParsePort(span[portStart..position], out var parsedPort))
                return false;
            port = parsedPort;
        }
        if (!HeaderParameterParser.TryParse(value, position, out var parameters))
            return false;
        var result = new ViaHeader(name, version, transport, host, port, parameters);
        if (!result.TryReadNumericParameters())
            return false;
        via = result;
        return true;
    }

    private bool TryReadNumericParameters()
    {
        if (Parameters.TryGetValue("ttl"u8, out var ttl))
        {
            if (!SipSyntax.TryParseNumber(ttl.Span, 255, out var parsedTtl))
                return false;
            Ttl = (int)parsedTtl;
        }
        if (Parameters.TryGetValue("rport"u8, out var rport) && !rport.IsEmpty)
        {
            if (!HostSyntax.TryParsePort(rport.Span, out var parsedRPort))
                return false;
            RPort = parsedRPort;
        }
        return !Parameters.TryGetValue("received"u8, out var received) || HostSyntax.IsIPAddress(received.Span);
    }

    private ReadOnlyMemory<byte> Value(ReadOnlySpan<byte> name) => Parameters.TryGetValue(name, out var value) ? value : default;

    private static bool TryReadProtocolPart(ReadOnlyMemory<byte> value, ref int position, out ReadOnlyMemory<byte> part)
    {
        var span = value.Span;
        var start = SipSyntax.SkipWhitespace(span, position);
        position = SipSyntax.ScanToken(span, start);
        part = value[start..position];
        return position > start;
    }

    /// <summary>SLASH = SWS "/" SWS.</summary>
    private static bool TryReadSlash(ReadOnlySpan<byte> span, ref int position)
    {
        position = SipSyntax.SkipWhitespace(span, position);
        if (position == span.Length || span[position] != (byte)'/')
            return false;
        position++;
        return true;
    }
}
