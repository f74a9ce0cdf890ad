namespace Switchboard.Media.Sdp;

/// <summary>An "a=" line: a property attribute (<c>a=sendrecv</c>, no value) or a value attribute (<c>a=ptime:20</c>).</summary>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
