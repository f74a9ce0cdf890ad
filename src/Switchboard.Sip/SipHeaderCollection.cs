using System.Collections;
using System.Text;
using Switchboard.Sip.Internal;

namespace Switchboard.Sip;

/// <summary>
/// The header lines of a message in their order. Names compare case-insensitively and compact forms resolve
/// to full names. A header may hold several values as repeated lines, comma-separated in one line, or both.
/// </summary>
public sealed class SipHeaderCollection : IReadOnlyList<SipHeader>
{
    private readonly List<SipHeader> _headers = [];

    public int Count => _headers.Count;

    public SipHeader this[int index] => _headers[index];

    /// <summary>Adds a header, copying name and value; a known name or compact form is stored in its full spelling.</summary>
    public void Add(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => _headers.Add(Create(name, value));

    public void Add(string name, string value) => Add(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(value));

    /// <summary>Adds a header as it is, sharing its memory (headers are never changed in place).</summary>
    public void Add(SipHeader header) => _headers.Add(header);

    /// <summary>Replaces every line of the header with one line holding <paramref name="value"/>, where the first was.</summary>
    public void Set(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var header = Create(name, value);
        var index = _headers.FindIndex(h => h.HasName(header.Name.Span));
        Remove(name);
        if (index < 0)
            _headers.Add(header);
        else
            _headers.Insert(index, header);
    }

    public void Set(string name, string value) => Set(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(value));

    /// <summary>Replaces the value of the line at <paramref name="index"/>, keeping its name and place (a Via stamped on receipt).</summary>
    public void ReplaceValue(int index, ReadOnlySpan<byte> value) => _headers[index] = Create(_headers[index].Name.Span, value);

    /// <summary>Removes every line of the header; returns how many there were.</summary>
    public int Remove(ReadOnlySpan<byte> name)
    {
        var removed = 0;
        for (var i = _headers.Count - 1; i >= 0; i--)
        {
            if (_headers[i].HasName(name))
            {
                _headers.RemoveAt(i);
                removed++;
            }
        }
        return removed;
    }

    public bool Contains(ReadOnlySpan<byte> name) => CountLines(name) > 0;

    /// <summary>How many lines carry the header (comma-separated values in one line count once).</summary>
    public int CountLines(ReadOnlySpan<byte> name)
    {
        var count = 0;
        foreach (var header in _headers)
        {
            if (header.HasName(name))
                count++;
        }
        return count;
    }

    /// <summary>The value of the first line of the header.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> name, out ReadOnlyMemory<byte> value)
    {
        foreach (var header in _headers)
        {
            if (header.HasName(name))
            {
                value = header.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The value of each line of the header, not split at commas (for Authorization, Date, User-Agent...).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> GetValues(ReadOnlySpan<byte> name)
    {
        var values = new List<ReadOnlyMemory<byte>>();
        foreach (var header in _headers)
        {
            if (header.HasName(name))
                values.Add(header.Value);
        }
        return values;
    }

    /// <summary>
    /// The elements of a list header (Via, Contact, Route, Allow...) across all its lines, split at commas
    /// outside quotes and &lt;&gt;, trimmed; an empty element is kept so that a typed parser can refuse it.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> GetListElements(ReadOnlySpan<byte> name)
    {
        var elements = new List<ReadOnlyMemory<byte>>();
        foreach (var header in _headers)
        {
            if (header.HasName(name))
                ListSplitter.Split(header.Value, elements);
        }
        return elements;
    }

    /// <summary>The headers in order; a <c>foreach</c> over the collection itself allocates nothing.</summary>
    public List<SipHeader>.Enumerator GetEnumerator() => _headers.GetEnumerator();

    IEnumerator<SipHeader> IEnumerable<SipHeader>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static SipHeader Create(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (!SipSyntax.IsToken(name))
            ThrowHelper.ThrowArgument("A header name is a token.", nameof(name));
        if (value.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
            ThrowHelper.ThrowArgument("A header value is one line.", nameof(value));
        ReadOnlyMemory<byte> storedName = SipHeaderNames.Canonical(name) ?? name.ToArray();
        return new SipHeader(storedName, value.ToArray());
    }

    /// <summary>For the parser: the memory already belongs to the message.</summary>
    internal void AddParsed(ReadOnlyMemory<byte> name, ReadOnlyMemory<byte> value) => _headers.Add(new SipHeader(name, value));
}
