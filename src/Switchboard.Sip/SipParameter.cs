using System.Text;

namespace Switchboard.Sip;

/// <summary>A ";name=value" or valueless ";name" parameter of a URI or header, escapes and quotes resolved.</summary>
public readonly struct SipParameter : IEquatable<SipParameter>
{
    public SipParameter(ReadOnlyMemory<byte> name, ReadOnlyMemory<byte> value, bool hasValue)
    {
        Name = name;
        Value = value;
        HasValue = hasValue;
    }

    public ReadOnlyMemory<byte> Name { get; }

    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>False for a flag such as ";lr" or ";rport", true for ";rport=5060" or even ";name=".</summary>
    public bool HasValue { get; }

    public bool Equals(SipParameter other) => HasValue == other.HasValue
        && Ascii.EqualsIgnoreCase(Name.Span, other.Name.Span) && Value.Span.SequenceEqual(other.Value.Span);

    public override bool Equals(object? obj) => obj is SipParameter other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Name.Length, Value.Length, HasValue);

    public override string ToString() => HasValue
        ? $"{Encoding.UTF8.GetString(Name.Span)}={Encoding.UTF8.GetString(Value.Span)}"
        : Encoding.UTF8.GetString(Name.Span);

    public static bool operator ==(SipParameter left, SipParameter right) => left.Equals(right);

    public static bool operator !=(SipParameter left, SipParameter right) => !left.Equals(right);
}
