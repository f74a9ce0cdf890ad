using System.Collections;
using System.Text;

namespace Switchboard.Sip;

/// <summary>Parameters in their order; names compare case-insensitively.</summary>
public sealed class SipParameterList : IReadOnlyList<SipParameter>
{
    private readonly List<SipParameter> _parameters;

    internal SipParameterList(List<SipParameter> parameters) => _parameters = parameters;

    public static SipParameterList Empty { get; } = new([]);

    public int Count => _parameters.Count;

    public SipParameter this[int index] => _parameters[index];

    public bool Contains(ReadOnlySpan<byte> name) => IndexOf(name) >= 0;

    /// <summary>The value of the first parameter of that name; a valueless parameter gives empty memory.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> name, out ReadOnlyMemory<byte> value)
    {
        var index = IndexOf(name);
        value = index < 0 ? default : _parameters[index].Value;
        return index >= 0;
    }

    public IEnumerator<SipParameter> GetEnumerator() => _parameters.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (Ascii.EqualsIgnoreCase(_parameters[i].Name.Span, name))
                return i;
        }
        return -1;
    }
}
