namespace Switchboard.Domain.Acd;

/// <summary>
/// Waiting calls kept in an order, in a list: adding and removing find the place by binary search and move the calls
/// behind it. Unlike a sorted set it allocates nothing per call (a queue holds tens or hundreds of calls, so the move
/// is a short copy of references), which keeps a decision free of allocations.
/// </summary>
internal sealed class SortedCalls(IComparer<WaitingCall> order)
{
    private readonly List<WaitingCall> _calls = [];

    public int Count => _calls.Count;

    /// <summary>The first call in the order, or null when there is none.</summary>
    public WaitingCall? Min => _calls.Count > 0 ? _calls[0] : null;

    public void Add(WaitingCall call)
    {
        var index = _calls.BinarySearch(call, order);
        if (index < 0)
            _calls.Insert(~index, call);
    }

    /// <summary>Removes the call, which must still have the fields it was ordered by.</summary>
    public void Remove(WaitingCall call)
    {
        var index = _calls.BinarySearch(call, order);
        if (index >= 0)
            _calls.RemoveAt(index);
    }

    public bool Contains(WaitingCall call) => _calls.BinarySearch(call, order) >= 0;

    public WaitingCall[] ToArray() => [.. _calls];

    public List<WaitingCall>.Enumerator GetEnumerator() => _calls.GetEnumerator();
}
