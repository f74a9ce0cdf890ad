namespace Switchboard.Sip;

/// <summary>A SIP request or response (RFC 3261 §7): start line, ordered headers, body bytes.</summary>
public abstract class SipMessage
{
    private protected SipMessage(ReadOnlyMemory<byte> version) => Version = version;

    /// <summary>"SIP/2.0" on every message this stack sends; a received message may carry another version.</summary>
    public ReadOnlyMemory<byte> Version { get; }

    public bool IsSip20 => System.Text.Ascii.EqualsIgnoreCase(Version.Span, "SIP/2.0"u8);

    public SipHeaderCollection Headers { get; } = new();

    /// <summary>The body; Content-Length is written from its length.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    internal static ReadOnlyMemory<byte> Sip20 { get; } = "SIP/2.0"u8.ToArray();
}
