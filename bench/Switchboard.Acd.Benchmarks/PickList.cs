namespace Switchboard.Acd.Benchmarks;

/// <summary>A set the day's driver adds to, removes from and picks at random from, each in constant time.</summary>
internal sealed class PickList<T>
    where T : notnull
{
    private readonly List<T> _items = [];
    private readonly Dictionary<T, int> _indexOf = [];

    public int Count => _items.Count;

    public void Add(T item)
    {
        if (_indexOf.TryAdd(item, _items.Count))
            _items.Add(item);
    }

    public void Remove(T item)
    {
        if (!_indexOf.Remove(item, out var index))
            return;
        var last = _items[^1];
        _items.RemoveAt(_items.Count - 1);
        if (index < _items.Count)
        {
            _items[index] = last;
            _indexOf[last] = index;
        }
    }

    public T Pick(Random random) => _items[random.Next(_items.Count)];
}
