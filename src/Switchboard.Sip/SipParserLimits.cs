namespace Switchboard.Sip;

/// <summary>Bounds a peer cannot push the parser past; anything larger is refused with a reason.</summary>
public sealed class SipParserLimits
{
    public static SipParserLimits Default { get; } = new();

    /// <summary>Start line, headers and body together (a UDP datagram is at most 65,507 bytes).</summary>
    public int MaxMessageSize { get; init; } = 65_535;

    /// <summary>Start line and headers up to the empty line; what a stream framer buffers before giving up.</summary>
    public int MaxHeaderSize { get; init; } = 16_384;

    public int MaxHeaderCount { get; init; } = 128;

    /// <summary>One physical line, start line included.</summary>
    public int MaxLineLength { get; init; } = 4_096;
}
