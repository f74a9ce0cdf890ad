using System.Text;

namespace Switchboard.Sip;

/// <summary>One header line: its name (canonical for known headers) and its value, unfolded and trimmed.</summary>
public readonly struct SipHeader : IEquatable<SipHeader>
{
    public SipHeader(ReadOnlyMemory<byte> name, ReadOnlyMemory<byte> value)
    {
        Name = name;
        Value = value;
    }

    public ReadOnlyMemory<byte> Name { get; }

    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Case-insensitive; a compact form such as "v" matches "Via".</summary>
    public bool HasName(ReadOnlySpan<byte> name) => SipHeaderNames.AreSame(Name.Span, name);

    public bool Equals(SipHeader other) =>
        Ascii.EqualsIgnoreCase(Name.Span, other.Name.Span) && Value.Span.SequenceEqual(other.Value.Span);

    public override bool Equals(object? obj) => obj is SipHeader other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Name.Length, Value.Length);

    public override string ToString() => $"{Encoding.UTF8.GetString(Name.Span)}: {Encoding.UTF8.GetString(Value.Span)}";

    public static bool operator ==(SipHeader left, SipHeader right) => left.Equals(right);

    public static bool operator !=(SipHeader left, SipHeader right) => !left.Equals(right);
}
